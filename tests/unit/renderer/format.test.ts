/**
 * Dates in the chrome (renderer/util/format.ts formatDate) in viewers' time zones west and east of
 * the source's: a publication time late in the evening at −05:00 is still that day (the reviewer
 * saw "2024-06-12 21:40 −05:00" shown as Jun 13 in UTC), a date alone is that date, and an instant
 * in UTC (an import stamp) is the viewer's local date. The expected dates are built from local
 * calendar dates, in the default locale the formatter uses.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

/** formatDate as a viewer in `zone` sees it (the module's formatters take the zone in force when it loads). */
async function formatDateIn(zone: string): Promise<(iso: string) => string> {
  process.env.TZ = zone;
  vi.resetModules();
  return (await import('../../../renderer/util/format')).formatDate;
}

/** A local calendar date as the medium style writes it. */
const local = (year: number, month: number, day: number) => new Date(year, month - 1, day).toLocaleDateString(undefined, { dateStyle: 'medium' });

describe('formatDate', () => {
  for (const zone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
    it(`shows a published date as the source wrote it, in ${zone}`, async () => {
      const formatDate = await formatDateIn(zone);
      expect(formatDate('2024-06-12T21:40:00-05:00')).toBe(local(2024, 6, 12));
      expect(formatDate('2024-06-13T01:10:00+09:00')).toBe(local(2024, 6, 13));
      expect(formatDate('2024-06-12')).toBe(local(2024, 6, 12));
    });
  }

  it('shows an instant in UTC as the viewer’s local date', async () => {
    expect((await formatDateIn('America/Los_Angeles'))('2024-06-13T02:40:00Z')).toBe(local(2024, 6, 12));
    expect((await formatDateIn('Asia/Tokyo'))('2024-06-12T20:00:00.000Z')).toBe(local(2024, 6, 13));
  });

  it('gives back what does not parse', async () => {
    expect((await formatDateIn('UTC'))('sometime in June')).toBe('sometime in June');
  });
});
