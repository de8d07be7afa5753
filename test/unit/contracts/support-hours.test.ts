import { describe, expect, it } from 'vitest';
import { parseDuration, parseSupportSchedule } from '../../../src/contracts/index.js';

describe('parseSupportSchedule', () => {
  it('reads 24/7 as always open', () => {
    expect(parseSupportSchedule('24/7')).toEqual({ spec: '24/7', always: true });
  });

  it('expands day ranges into one window per day', () => {
    const schedule = parseSupportSchedule('mon-fri 07:00-19:00');
    expect(schedule).toMatchObject({ always: false });
    if (!('windows' in schedule)) throw new Error('expected windows');
    expect(schedule.windows).toHaveLength(5);
    expect(schedule.windows[0]).toEqual({ day: 1, fromMinute: 420, toMinute: 1140 });
  });

  it('accepts several parts and Dutch day names', () => {
    const schedule = parseSupportSchedule('ma-vr 08:00-22:00, za 09:00-13:00');
    if (!('windows' in schedule)) throw new Error('expected windows');
    expect(schedule.windows.map((window) => window.day)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(schedule.windows.at(-1)).toEqual({ day: 6, fromMinute: 540, toMinute: 780 });
  });

  it('carries a window that ends after midnight into the next day', () => {
    const schedule = parseSupportSchedule('sun 22:00-02:00');
    if (!('windows' in schedule)) throw new Error('expected windows');
    expect(schedule.windows).toEqual([
      { day: 7, fromMinute: 1320, toMinute: 1440 },
      { day: 1, fromMinute: 0, toMinute: 120 },
    ]);
  });

  it('explains what is wrong with a malformed schedule', () => {
    expect(parseSupportSchedule('weekdays 8-6')).toEqual({ error: expect.stringContaining('not like "mon-fri 08:00-18:00"') });
    expect(parseSupportSchedule('mon-fry 08:00-18:00')).toEqual({ error: expect.stringContaining('unknown day') });
    expect(parseSupportSchedule('mon 08:75-18:00')).toEqual({ error: expect.stringContaining('impossible time') });
  });
});

describe('parseDuration', () => {
  it.each([
    ['15m', 15, 'minutes'],
    ['4h', 4, 'hours'],
    ['8u', 8, 'hours'],
    ['3d', 3, 'days'],
    ['0.5h', 0.5, 'hours'],
  ])('reads %s', (text, amount, unit) => {
    expect(parseDuration(text)).toEqual({ text, amount, unit });
  });

  it('rejects durations without a unit', () => {
    expect(parseDuration('4')).toEqual({ error: '"4" is not a duration like 15m, 4h or 3d' });
  });
});
