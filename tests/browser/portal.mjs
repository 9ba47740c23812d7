// Reading and driving the portal from tests through its test hook
// (window.retour: state(), frames(), textFocused(), downloads()).
import { assert } from './harness.mjs';

// The state's `items` (what was drawn, and where) are those of the last drawn frame,
// and the portal draws on demand a few frames after each change. So this waits until
// no new frame came for three animation frames (bounded: a running animation does not
// block it for more than ~200 of them; a background page waits 50 ms each instead) before
// reading: the items then match the state.
export async function state(page) {
  return page.evaluate(async () => {
    const portal = window.retour;
    let last = portal.frames();
    for (let quiet = 0, i = 0; quiet < 3 && i < 200; i++) {
      // A page in the background gets no animation frames (nor draws): a timer then.
      await new Promise((resolve) => { requestAnimationFrame(resolve); setTimeout(resolve, 50); });
      const now = portal.frames();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    return portal.state();
  });
}

// Reads the canvas back and counts distinct colours: a blank canvas has one.
export async function distinctColours(page) {
  return page.evaluate(() => {
    const src = window.retour.canvas;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length && seen.size < 64; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}

// Clicks the middle of an item the app marked (see wasm/test_hook.h).
export async function clickItem(page, id) {
  const items = (await state(page)).items;
  assert(items[id], `item "${id}" is not on screen (have: ${Object.keys(items).join(', ')})`);
  const [x, y, w, h] = items[id];
  await page.mouse.click(x + w / 2, y + h / 2);
}

export async function focusField(page, id) {
  await clickItem(page, id);
  await page.waitForFunction(() => window.retour.textFocused(), null, { timeout: 5000 });
}
