import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kcatProduce } from '../../src/checks/events/reproduce.ts';

describe('kcat reproductions of produced records', () => {
  it("the command's printf writes the record's value byte for byte (poison bytes, quotes, % and backslashes included)", () => {
    const value = Buffer.concat([
      Buffer.from(`{"it's" 100% \\ poison`, 'utf8'),
      Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]),
    ]);
    const command = kcatProduce(
      ['127.0.0.1:9092'],
      'messages.created',
      { key: "4'2", value, headers: { ce_id: 'x y' } },
      { partition: 5, offset: '9' },
    );
    const [printf, kcat] = command.split(' | kcat ');
    expect(execFileSync('sh', ['-c', printf!])).toEqual(value);
    expect(kcat).toBe(`-P -b 127.0.0.1:9092 -t messages.created -p 5 -k '4'\\''2' -H 'ce_id=x y'`);
  });
});
