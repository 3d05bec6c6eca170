import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldNotes, fieldNoteAria, type FieldNotesProps } from '../../../src/renderer/src/app/FormField';

const notes = (props: FieldNotesProps): string => renderToStaticMarkup(createElement(FieldNotes, props));

describe('field notes', () => {
  it('describes a checked field by its hint, and by its error while one shows', () => {
    expect(fieldNoteAria('f', { hint: 'Hint', error: null })).toEqual({ 'aria-describedby': 'f-hint', 'aria-invalid': false });
    expect(fieldNoteAria('f', { hint: 'Hint', error: 'Wrong' })).toEqual({ 'aria-describedby': 'f-hint f-error', 'aria-invalid': true });
  });

  it('leaves aria-describedby out when there is nothing to point at', () => {
    expect(fieldNoteAria('f', { error: null })).toEqual({ 'aria-invalid': false });
    expect(fieldNoteAria('f', { error: false })).toEqual({ 'aria-invalid': false });
    expect(fieldNoteAria('f', { error: 'Wrong' })).toEqual({ 'aria-describedby': 'f-error', 'aria-invalid': true });
  });

  it('does not mark a field that is never checked', () => {
    expect(fieldNoteAria('f', { hint: 'Hint' })).toEqual({ 'aria-describedby': 'f-hint' });
    expect(fieldNoteAria('f', { hint: '' })).toEqual({});
    expect(fieldNoteAria('f', {})).toEqual({});
  });

  it('renders the hint, then the error as an alert, with the ids the control points at', () => {
    expect(notes({ id: 'f', hint: 'Hint', error: 'Wrong' })).toBe(
      '<p id="f-hint" class="hint">Hint</p><p id="f-error" class="field-error" role="alert">Wrong</p>',
    );
    expect(notes({ id: 'f', hint: 'Hint', error: null })).toBe('<p id="f-hint" class="hint">Hint</p>');
    expect(notes({ id: 'f', error: 'Wrong' })).toBe('<p id="f-error" class="field-error" role="alert">Wrong</p>');
    expect(notes({ id: 'f', hint: undefined, error: null })).toBe('');
  });
});
