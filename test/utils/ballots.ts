import { ballotShape, encryptBallot } from '../../libs/ballot/src/index.js';
import type { OpenPollView, Receipt } from '../../libs/contracts/src/index.js';
import type { TabletSocket } from './test-app.js';

/**
 * What a tablet does to vote in a secret poll, without its screen: asks for the open poll (with
 * its own voter credential), encrypts the choices with libs/ballot, casts, and returns the
 * receipt. `choices` is one 0/1 vector per question (e.g. `[marks(3, 0)]` for 赞成).
 */
export async function castSecret(
  tablet: TabletSocket,
  sessionId: string,
  pollId: string,
  choices: number[][],
): Promise<Receipt> {
  const state = await tablet.emitWithAck('poll:state', { sessionId });
  if (!state.ok) throw new Error(`poll:state refused: ${JSON.stringify(state.error)}`);
  const poll = (state.open as OpenPollView[]).find((p) => p.id === pollId);
  if (!poll?.electionKey || !poll.voter)
    throw new Error(`poll ${pollId} is not open to this tablet`);
  const { ballot } = encryptBallot({
    key: poll.electionKey,
    shape: ballotShape(poll.pollSpec),
    voter: poll.voter,
    choices,
  });
  const ack = await tablet.emitWithAck('poll:cast', { pollId, ballot });
  if (!ack.ok) throw new Error(`poll:cast refused: ${JSON.stringify(ack.error)}`);
  return ack.receipt as Receipt;
}
