// The last day of an overview bucket, so a click on a bar opens the reports of exactly that span.

export function bucketEnd(day: string, bucket: 'day' | 'week' | 'month'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || bucket === 'day') return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const end = bucket === 'week' ? new Date(Date.UTC(y, mo - 1, d + 6)) : new Date(Date.UTC(y, mo, 0));
  return end.toISOString().slice(0, 10);
}
