import type { Repository } from 'typeorm';
import type { Poll } from './poll.entity.js';

/**
 * A poll with its issued credentials, which `Poll.issued` leaves out by default (2,000 of them
 * for a large congress): for the cast path's facts and the close, which need them.
 */
export function findWithIssued(polls: Repository<Poll>, id: string): Promise<Poll | null> {
  return polls.createQueryBuilder('p').addSelect('p.issued').where('p.id = :id', { id }).getOne();
}
