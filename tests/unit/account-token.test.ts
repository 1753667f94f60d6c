import { describe, expect, it } from 'vitest';
import { parseToken, tokenKindOf, MAX_TOKEN_LENGTH } from '../../utils/account/token';

const body = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

describe('tokenKindOf', () => {
  it.each([
    ['ghp_', 'classic'],
    ['github_pat_', 'fine-grained'],
    ['gho_', 'oauth'],
    ['ghu_', 'app-user'],
    ['ghs_', 'app-installation'],
    ['ghr_', 'refresh'],
  ] as const)('%s is %s', (prefix, kind) => {
    expect(tokenKindOf(prefix + body)).toBe(kind);
  });

  it('is unknown for anything else, including a prefix in the wrong case', () => {
    expect(tokenKindOf('GHP_' + body)).toBe('unknown');
    expect(tokenKindOf('xyz_' + body)).toBe('unknown');
    expect(tokenKindOf(body)).toBe('unknown');
  });
});

describe('parseToken', () => {
  it.each(['ghp_', 'github_pat_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])('accepts a %s token', (prefix) => {
    const parsed = parseToken(prefix + body);
    expect(parsed).toMatchObject({ ok: true, token: prefix + body });
  });

  it('trims what was pasted around the token', () => {
    expect(parseToken(`  \n ghp_${body}\t `)).toEqual({ ok: true, token: `ghp_${body}`, kind: 'classic' });
  });

  it('refuses empty and blank input', () => {
    expect(parseToken('')).toMatchObject({ ok: false, error: expect.stringMatching(/paste a token/i) });
    expect(parseToken('   ')).toMatchObject({ ok: false });
  });

  it('refuses spaces or line breaks inside', () => {
    expect(parseToken(`ghp_${body.slice(0, 10)} ${body.slice(10)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/spaces/) });
    expect(parseToken(`ghp_${body}\nghp_${body}`)).toMatchObject({ ok: false });
  });

  it('accepts exactly 255 characters and refuses 256', () => {
    const at = 'github_pat_' + 'a'.repeat(MAX_TOKEN_LENGTH - 'github_pat_'.length);
    expect(at).toHaveLength(255);
    expect(parseToken(at).ok).toBe(true);
    expect(parseToken(at + 'a')).toMatchObject({ ok: false, error: expect.stringMatching(/longer/) });
  });

  it('refuses an unknown prefix', () => {
    expect(parseToken('sk_live_' + body)).toMatchObject({ ok: false, error: expect.stringMatching(/start with/) });
  });

  it('refuses a bare prefix and odd characters', () => {
    expect(parseToken('ghp_').ok).toBe(false);
    expect(parseToken(`ghp_${body}<`).ok).toBe(false);
  });

  it('never repeats the input in its error', () => {
    const secret = `sk_${body}`;
    const parsed = parseToken(secret);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).not.toContain(body);
  });
});
