/**
 * The bundled teleSUR sample (samples/telesur-iraq-drone.html, served as the fixture telesur-iraq-drone): what
 * the reader must show and leave out, and the check of its plain-text export (clipboard or downloaded file).
 * Shared by the Chromium and the Firefox end-to-end tests.
 */
import assert from 'node:assert/strict';
import { containsCi, expectedFor, norm, parsePlainText } from './popup.ts';

export const SAMPLE = '/fixtures/telesur-iraq-drone/';
export const expected = expectedFor('telesur-iraq-drone');
export const TITLE = 'Drone Strike Pushes Iraq to End US-Led Coalition Mission';
export const FIRST_PARAGRAPH = 'The U.S. drone strike in Baghdad on Wednesday evening pushed the Iraqi government more than ever to end the mission of the U.S.-led coalition forces.';
export const LAST_PARAGRAPH_END = 'which the United States said was carried out by an Iranian-backed armed group named Islamic Resistance in Iraq.';
export const MUST_NOT_SHOW = ['Audio Only', 'google plus', 'Post with no comments', 'Iraq and Syria: Dozens Killed After US Attacks', 'News > Iraq'];
export const FILE_NAME = 'drone-strike-pushes-iraq-to-end-us-led-coalition-mission.txt';

/** Checks an export of the teleSUR sample (the clipboard text or the downloaded file). */
export function checkSampleExport(text: string): void {
  const { header, paragraphs } = parsePlainText(text);
  assert.deepEqual(header.slice(0, 4), [TITLE, 'teleSUR', 'Published: 2024-02-08', `URL: ${expected.metadata.canonicalUrl}`]);
  assert.equal(header.length, 5, `header is title, site, published, URL, captured: ${JSON.stringify(header)}`);
  const body = paragraphs.map(norm);
  assert.ok(body.includes(FIRST_PARAGRAPH), 'the first story paragraph is its own paragraph');
  assert.ok(body.at(-1)?.endsWith(LAST_PARAGRAPH_END), `the last paragraph ends the story: ${body.at(-1)}`);
  const flat = norm(text);
  for (const s of expected.mustInclude) assert.ok(flat.includes(norm(s)), `export includes ${JSON.stringify(s)}`);
  for (const s of [...MUST_NOT_SHOW, ...expected.mustExclude]) assert.ok(!containsCi(text, s), `export excludes ${JSON.stringify(s)}`);
}
