import { describe, expect, it } from 'vitest';
import { redactIdNumber, redactName, redactPhone } from '../../../src/common/victim-mask';

describe('victim redaction', () => {
  it('keeps only the family name', () => {
    expect(redactName('罗某')).toBe('罗*');
    expect(redactName('欧阳小明')).toBe('欧*');
    expect(redactName(' Li Wei ')).toBe('L*');
    expect(redactName('')).toBe('');
    expect(redactName('𠀋某')).toBe('𠀋*');
  });

  it('masks the middle of a phone number', () => {
    expect(redactPhone('13905141234')).toBe('139****1234');
    expect(redactPhone('+86 139-0514-1234')).toBe('139****1234');
    expect(redactPhone('0086 13905141234')).toBe('139****1234');
    expect(redactPhone('025-8666 1234')).toBe('025****1234');
    expect(redactPhone('110')).toBe('****');
  });

  it('masks the birth date and sequence of an ID number', () => {
    expect(redactIdNumber('320102198001011234')).toBe('3201**********1234');
    expect(redactIdNumber('32010219800101123X')).toBe('3201**********123X');
    expect(redactIdNumber('1234')).toBe('****');
  });

  it('never returns the value it masks', () => {
    for (const value of ['13905141234', '320102198001011234']) {
      expect(redactPhone(value)).not.toBe(value);
      expect(redactIdNumber(value)).not.toBe(value);
    }
  });
});
