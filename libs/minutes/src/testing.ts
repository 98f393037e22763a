/**
 * A complete, realistic sample for tests, demos and the api's tests later: minutes of a session
 * with a secret motion (tellers' key), a secret election, a custodian-mode evaluation and an open
 * vote, the real election records behind the secret polls (libs/ballot, deterministic randomness),
 * signing keys for the secretary (Ed25519), the chair (SM2/SM3) and a teller (Ed25519), the
 * signatures, the archive chain and the bundle input. Not for production use: the keys are fixed.
 */
import {
  ballotShape,
  combineDecryptions,
  combineElectionKey,
  createTrustee,
  deterministicRng,
  fingerprintOf,
  encryptBallot,
  marks,
  partialDecrypt,
  verifyBallots,
  type ElectionRecord,
  type PollSpec,
} from '../../ballot/src/index.js';
import type { Rng } from './algorithms.js';
import { voteMethod } from './assemble.js';
import { nextEntry, type ArchiveEntry } from './archive.js';
import type { ElectionRecordFile, SignerKey } from './bundle.js';
import { generateSigningKey } from './custody.js';
import { hashJson } from './jcs.js';
import { MINUTES_FORMAT, MINUTES_VERSION, type MinutesDocument, type Tally } from './model.js';
import {
  documentHash,
  signMinutes,
  signTally,
  type MinutesSignature,
  type SigningKey,
} from './signatures.js';

/** Reproducible bytes for tests (SHA-256 counter mode over a seed, via libs/ballot). */
export const seededRng = (seed: string): Rng => deterministicRng(`congress-minutes/test/${seed}`);

interface Poll {
  pollId: string;
  spec: PollSpec;
  trustees: number;
  choices: number[][][];
}

/** A real election record: trustees, encrypted ballots, the verified tally and its decryption. */
export function electionRecord(p: Poll): ElectionRecordFile {
  const rng = seededRng(p.pollId);
  const made = Array.from({ length: p.trustees }, (_, i) => createTrustee(p.pollId, i + 1, rng));
  const key = combineElectionKey(
    p.pollId,
    made.map((m) => m.share),
  );
  const shape = ballotShape(p.spec);
  const ballots = p.choices.map(
    (choices, i) => encryptBallot({ key, shape, voter: `cred-${i + 1}`, choices, rng }).ballot,
  );
  const { tally } = verifyBallots(
    { key, shape },
    ballots.map((ballot, i) => ({ ballot, voter: `cred-${i + 1}` })),
    { rng },
  );
  const decryptions = made.map((m) => partialDecrypt(key, shape, m.secret, tally, rng));
  const result = combineDecryptions(key, shape, tally, decryptions);
  const record: ElectionRecord = {
    version: 1,
    poll: p.spec,
    key,
    ballots,
    tally,
    decryptions,
    result,
  };
  return { pollId: p.pollId, record };
}

const T0 = '2026-03-20T01:30:00.000Z'; // 09:30 in Shanghai

function tally(
  base: Omit<Tally, 'method' | 'openedAt' | 'closedAt' | 'issued'>,
  method: Tally['method'],
  minute: number,
): Tally {
  const at = (m: number) => new Date(Date.parse(T0) + m * 60_000).toISOString();
  return { ...base, method, openedAt: at(minute), closedAt: at(minute + 10), issued: 7 };
}

export interface Sample {
  document: MinutesDocument;
  electionRecords: ElectionRecordFile[];
}

/** The minutes of a 10-delegate session: 7 present, 2 absent with reasons, 1 not checked in. */
export function sampleMinutes(): Sample {
  const motion = electionRecord({
    pollId: 'poll-motion',
    spec: { questions: [{ kind: 'motion' }] },
    trustees: 2,
    choices: [[marks(3, 0)], [marks(3, 0)], [marks(3, 0)], [marks(3, 1)], [marks(3, 2)]],
  });
  const election = electionRecord({
    pollId: 'poll-election',
    spec: { questions: [{ kind: 'election', candidates: 3, maxMarks: 2 }] },
    trustees: 2,
    choices: [[marks(3, 0, 1)], [marks(3, 0, 2)], [marks(3, 0, 1)], [marks(3, 1)], [marks(3)]],
  });
  const evaluation = electionRecord({
    pollId: 'poll-evaluation',
    spec: {
      questions: [
        { kind: 'evaluation', persons: 1, grades: 3 },
        { kind: 'evaluation', persons: 1, grades: 3 },
      ],
    },
    trustees: 1,
    choices: [
      [marks(3, 0), marks(3, 0)],
      [marks(3, 0), marks(3, 1)],
      [marks(3, 1), marks(3, 2)],
      [marks(3, 0), marks(3, 2)],
      [marks(3, 0), marks(3, 2)],
    ],
  });
  const fp = (r: ElectionRecordFile) => fingerprintOf((r.record as ElectionRecord).key);
  const tellers = voteMethod(true, 'tellers', null);

  const document: MinutesDocument = {
    format: MINUTES_FORMAT,
    version: MINUTES_VERSION,
    id: 'minutes-2026-2',
    reference: '第五届职代会〔2026〕2号',
    issuer: '华东机械有限公司第五届职工代表大会',
    title: '华东机械有限公司第五届职工代表大会第二次会议记录',
    term: { id: 'term-5', name: '第五届职工代表大会' },
    session: {
      id: 'session-2',
      name: '第二次会议',
      startsAt: T0,
      endsAt: '2026-03-20T08:00:00.000Z',
      place: '公司三楼报告厅',
    },
    attendance: {
      total: 10,
      present: 7,
      absent: [
        { name: '陈喆', group: '第一代表团', reason: '病假' },
        { name: '王堃', group: '第二代表团', reason: '公假（出差）' },
      ],
      notCheckedIn: 1,
      attendeesPresent: 2,
      quorum: {
        rule: '出席代表不少于全体职工代表的三分之二（需 ≥ 7 人，共 10 名代表）',
        required: 7,
        met: true,
      },
    },
    chairs: [{ name: '李明', title: '执行主席' }],
    recorder: { name: '王芳', title: '工会办公室' },
    tellers: [
      { name: '赵强', chief: true },
      { name: '孙晓明', chief: false },
    ],
    agenda: [
      {
        id: 'item-1',
        position: 1,
        kind: 'report',
        title: '公司 2025 年度工作报告',
        presenter: '总经理 刘玥',
        circulatedAt: '2026-03-10T02:00:00.000Z',
        late: null,
        discussion: '代表们认为报告实事求是，建议进一步改善一线职工的夜班待遇。',
        groupOpinions: [{ group: '第一代表团', text: '建议增加班组安全培训的课时。' }],
        tallies: [],
      },
      {
        id: 'item-2',
        position: 2,
        kind: 'decide',
        title: '职工福利基金使用方案',
        presenter: '工会主席 周杰',
        circulatedAt: '2026-03-16T02:00:00.000Z',
        late: {
          daysBefore: 4,
          requiredDays: 7,
          reason: '方案经财务复核后修改',
          approvedBy: '吴敏',
        },
        discussion: '代表们对困难职工帮扶部分讨论较多。',
        groupOpinions: [],
        tallies: [
          tally(
            {
              pollId: 'poll-motion',
              title: '职工福利基金使用方案',
              cast: 5,
              counts: { kind: 'motion', for: 3, against: 1, abstain: 1, invalid: 0, notVoted: 2 },
              rule: '赞成票超过全体职工代表的半数（需 ≥ 6 票，共 10 名代表）',
              outcome: '未通过',
              passed: false,
            },
            { ...tellers, keyFingerprint: fp(motion) },
            60,
          ),
        ],
      },
      {
        id: 'item-3',
        position: 3,
        kind: 'elect',
        title: '选举职工董事',
        presenter: null,
        circulatedAt: '2026-03-10T02:00:00.000Z',
        late: null,
        discussion: '',
        groupOpinions: [],
        tallies: [
          tally(
            {
              pollId: 'poll-election',
              title: '选举职工董事（应选 2 名）',
              cast: 5,
              counts: {
                kind: 'election',
                seats: 2,
                candidates: [
                  { id: 'c1', name: '欧阳娜娜', votes: 3, status: 'not-elected' },
                  { id: 'c2', name: '郑强', votes: 3, status: 'not-elected' },
                  { id: 'c3', name: '赵赟', votes: 1, status: 'not-elected' },
                ],
                valid: 5,
                blank: 1,
                invalid: 0,
                notVoted: 2,
              },
              rule: '得票超过全体职工代表的半数（需 ≥ 6 票，共 10 名代表）',
              outcome: '无人当选；2 个席位空缺',
              passed: null,
            },
            { ...tellers, keyFingerprint: fp(election) },
            90,
          ),
        ],
      },
      {
        id: 'item-4',
        position: 4,
        kind: 'evaluate',
        title: '民主评议公司领导人员',
        presenter: null,
        circulatedAt: '2026-03-10T02:00:00.000Z',
        late: null,
        discussion: '',
        groupOpinions: [],
        tallies: [
          tally(
            {
              pollId: 'poll-evaluation',
              title: '民主评议公司领导人员',
              cast: 5,
              counts: {
                kind: 'evaluation',
                grades: ['满意', '基本满意', '不满意'],
                persons: [
                  {
                    id: 'p1',
                    name: '刘玥',
                    position: '总经理',
                    counts: [4, 1, 0],
                    approval: '认可率 100.00%（5/5）',
                    flagged: false,
                  },
                  {
                    id: 'p2',
                    name: '周杰',
                    position: '副总经理',
                    counts: [1, 1, 3],
                    approval: '认可率 40.00%（2/5）',
                    flagged: true,
                  },
                ],
                valid: 5,
                invalid: 0,
                notVoted: 2,
              },
              rule: '不满意票超过有效评议票的三分之一者予以标记',
              outcome: '予以标记：周杰',
              passed: null,
            },
            { ...voteMethod(true, 'custodian', null), keyFingerprint: fp(evaluation) },
            120,
          ),
        ],
      },
      {
        id: 'item-5',
        position: 5,
        kind: 'approve',
        title: '大会决议（草案）',
        presenter: null,
        circulatedAt: '2026-03-10T02:00:00.000Z',
        late: null,
        discussion: '',
        groupOpinions: [],
        tallies: [
          tally(
            {
              pollId: 'poll-open',
              title: '通过大会决议',
              method: voteMethod(false, null, null),
              cast: 7,
              counts: { kind: 'motion', for: 7, against: 0, abstain: 0, invalid: 0, notVoted: 0 },
              rule: '赞成票超过全体职工代表的半数（需 ≥ 6 票，共 10 名代表）',
              outcome: '通过',
              passed: true,
            } as Omit<Tally, 'method' | 'openedAt' | 'closedAt' | 'issued'>,
            voteMethod(false, null, null),
            150,
          ),
        ],
      },
    ],
    resolutions: [
      {
        number: '决议一',
        title: '关于公司 2025 年度工作报告的决议',
        text: '大会同意公司 2025 年度工作报告。',
        itemId: 'item-1',
      },
    ],
    circulation: [
      {
        number: 1,
        circulatedAt: '2026-03-10T02:00:00.000Z',
        daysBefore: 10,
        requiredDays: 7,
        late: false,
        lateReason: null,
        hash: hashJson({ agenda: 1 }),
        receipts: 10,
        recipients: 10,
      },
      {
        number: 2,
        circulatedAt: '2026-03-16T02:00:00.000Z',
        daysBefore: 4,
        requiredDays: 7,
        late: true,
        lateReason: '福利基金方案修改后重新分发',
        hash: hashJson({ agenda: 2 }),
        receipts: 9,
        recipients: 10,
      },
    ],
    agendaChanges: [
      {
        at: '2026-03-16T02:00:00.000Z',
        description: '第二项议程更换为修改后的方案',
        reason: '财务复核',
        approvedBy: '吴敏',
      },
    ],
    proposals: {
      title: '第五届职工代表大会第二次会议提案办理情况报告',
      received: { total: 3, proposals: 2, suggestions: 1, withdrawn: 0 },
      decisions: { accepted: 2, merged: 0, converted: 1, rejected: 0, pending: 0 },
      onTimeRate: '按期答复率 100.0%（2/2）',
      satisfactionRate: '满意率 50.0%（1/2）',
      items: [
        {
          number: '2026-001',
          subject: '关于改善职工食堂伙食的提案',
          proposer: '张三',
          decision: '立案',
          departments: ['后勤保障中心'],
          rating: '满意',
        },
        {
          number: '2026-002',
          subject: '关于增设夜班交通车的提案',
          proposer: '刘玥',
          decision: '立案',
          departments: ['行政部'],
          rating: '不满意',
        },
      ],
    },
    incidents: [
      {
        at: '2026-03-20T01:40:00.000Z',
        kind: 'login_code_reissued',
        description: '代表郑强平板登录码遗失，重新签发',
        approvedBy: '工作人员 吴敏',
      },
    ],
    narrative: [
      {
        heading: '会议小结',
        text: '会议按议程完成各项议题。福利基金方案未获通过，修改后提交下次会议表决。',
      },
    ],
    finalisedAt: '2026-03-21T02:00:00.000Z',
    corrects: null,
  };
  return { document, electionRecords: [motion, election, evaluation] };
}

export interface SignedSample extends Sample {
  keys: { secretary: SigningKey; chair: SigningKey; teller: SigningKey };
  signerKeys: SignerKey[];
  signatures: MinutesSignature[];
  chain: ArchiveEntry[];
}

let cached: SignedSample | null = null;

/**
 * The sample, signed (secretary Ed25519, chair SM2/SM3, chief teller on every tally) and archived.
 * Made once per process (the election records take a few seconds); callers get a deep copy.
 */
export function signedSample(): SignedSample {
  cached ??= makeSignedSample();
  return structuredClone(cached);
}

function makeSignedSample(): SignedSample {
  const sample = sampleMinutes();
  const doc = sample.document;
  const keys = {
    secretary: generateSigningKey('ed25519', seededRng('secretary')),
    chair: generateSigningKey('sm2-sm3', seededRng('chair')),
    teller: generateSigningKey('ed25519', seededRng('teller')),
  };
  const signatures = [
    ...doc.agenda
      .flatMap((i) => i.tallies)
      .map((t) => signTally(keys.teller, t, '赵强', t.closedAt)),
    signMinutes(keys.secretary, doc, 'secretary', '王芳', '2026-03-21T02:10:00.000Z'),
    signMinutes(keys.chair, doc, 'chair', '李明', '2026-03-21T03:00:00.000Z'),
  ];
  const signerKeys: SignerKey[] = [
    { name: '王芳', role: 'secretary', ...pub(keys.secretary) },
    { name: '李明', role: 'chair', ...pub(keys.chair) },
    { name: '赵强', role: 'teller', ...pub(keys.teller) },
  ];
  const e1 = nextEntry(null, {
    kind: 'publication',
    title: '厂务公开：2025 年第四季度业务招待费',
    contentHash: hashJson({ publication: 1 }),
    createdAt: '2026-01-05T02:00:00.000Z',
  });
  const e2 = nextEntry(e1, {
    kind: 'minutes',
    title: doc.title,
    contentHash: documentHash(doc),
    createdAt: '2026-03-21T03:05:00.000Z',
  });
  const chain: ArchiveEntry[] = [e1, e2];
  for (const r of sample.electionRecords)
    chain.push(
      nextEntry(chain.at(-1)!, {
        kind: 'election_record',
        title: `选举记录 ${r.pollId}`,
        contentHash: hashJson(r),
        createdAt: '2026-03-21T03:05:00.000Z',
        links: { partOf: e2.seq },
      }),
    );
  return { ...sample, keys, signerKeys, signatures, chain };
}

const pub = (k: SigningKey) => ({
  algorithm: k.algorithm,
  publicKey: k.publicKey,
  fingerprint: k.fingerprint,
});
