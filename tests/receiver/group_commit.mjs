// Group commit (tools/group_commit.h): 64 posts at once share transactions. Each 200 is
// sent only once its request is committed (a separate sqlite3 reader sees it the moment
// the answer arrives), a refused one is never stored, and racing requests for the same
// units inside one batch are counted in order: no more units stored than were bought.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function groupCommitChecks({ tmp, check, startHook, stopHook, post, makeRequestText, makeRequest, tamper,
  writeOrder, sql, day }) {
  const gdb = join(tmp, 'group.db');
  const h = await startHook(gdb, ['--max-conns-per-ip', '0']);
  const only = (name, line) => {
    const path = join(tmp, `group-select-${name}.json`);
    writeFileSync(path, JSON.stringify({ lines: [{ line_id: line, quantity: 1, reason: 'too_small', resolution: 'refund' }] }));
    return path;
  };
  // The fixture order: 1 jacket (L1), 3 socks (L2).
  const jacketOrder = writeOrder('group-jacket.json', 5 * day, `gid://shop/Order/group-jacket-${process.pid}`);
  const sockOrder = writeOrder('group-socks.json', 5 * day, `gid://shop/Order/group-socks-${process.pid}`);
  const posts = [
    ...Array.from({ length: 44 }, () => ({ kind: 'own', body: makeRequestText() })),
    ...Array.from({ length: 4 }, () => ({ kind: 'forged', body: tamper(makeRequest(), (d) => { d.quote.totals.refund += 1; }) })),
    ...Array.from({ length: 8 }, () => ({ kind: 'jacket', body: makeRequestText({ order: jacketOrder, select: only('jacket', 'L1') }) })),
    ...Array.from({ length: 8 }, () => ({ kind: 'sock', body: makeRequestText({ order: sockOrder, select: only('sock', 'L2') }) })),
  ];
  const storedNow = (id) => sql(`SELECT COUNT(*) FROM requests WHERE id = '${id}'`, gdb) === '1';
  const answers = await Promise.all(posts.map(async (p) => {
    const id = typeof p.body === 'string' ? JSON.parse(p.body).id : p.body.id;
    const r = await post(h.port, p.body);
    // Checked the moment the answer arrives, from another connection: committed or not.
    return { ...p, id, status: r.status, error: r.json?.error, storedWhenAnswered: storedNow(id) };
  }));
  await stopHook(h);
  const of = (kind) => answers.filter((a) => a.kind === kind);
  const statuses = (kind) => of(kind).map((a) => a.status).sort().join(',');
  check('group commit: 64 posts at once, 44 distinct valid ones → each 200', of('own').every((a) => a.status === 200), statuses('own'));
  check('group commit: every 200 was already in the database when it arrived',
    answers.filter((a) => a.status === 200).every((a) => a.storedWhenAnswered),
    answers.filter((a) => a.status === 200 && !a.storedWhenAnswered).map((a) => a.id).join(' '));
  check('group commit: forged ones among them → 422, not stored',
    of('forged').every((a) => a.status === 422 && !storedNow(a.id)), statuses('forged'));
  check('group commit: 8 racing for the one jacket → one 200, seven 422 quantity_above_returnable',
    statuses('jacket') === '200,' + Array(7).fill('422').join(',') &&
    of('jacket').filter((a) => a.status === 422).every((a) => a.error === 'verification_failed'), statuses('jacket'));
  check('group commit: 8 racing for 3 socks → three 200, five 422', statuses('sock') === '200,200,200,' + Array(5).fill('422').join(','),
    statuses('sock'));
  check('group commit: exactly the requests answered 200 are stored',
    answers.every((a) => storedNow(a.id) === (a.status === 200)) &&
    sql('SELECT COUNT(*) FROM requests', gdb) === String(answers.filter((a) => a.status === 200).length),
    sql('SELECT COUNT(*) FROM requests', gdb));
  check('group commit: stored units never exceed what was bought',
    sql(`SELECT q.order_id, l.line_id, SUM(l.quantity) FROM request_lines l JOIN requests q ON q.id = l.request_id
         WHERE q.order_id LIKE '%group-%' GROUP BY q.order_id, l.line_id ORDER BY q.order_id`, gdb) ===
      `gid://shop/Order/group-jacket-${process.pid}|L1|1\ngid://shop/Order/group-socks-${process.pid}|L2|3`,
    sql('SELECT q.order_id, l.line_id, SUM(l.quantity) FROM request_lines l JOIN requests q ON q.id = l.request_id GROUP BY 1, 2', gdb));
}
