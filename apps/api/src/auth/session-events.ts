import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export interface TokensRevoked {
  tokenIds: string[];
  reason: string;
}

/** Tells the realtime side which tokens just died, so their open sockets are closed at once. */
@Injectable()
export class SessionEvents {
  readonly revoked$ = new Subject<TokensRevoked>();
}
