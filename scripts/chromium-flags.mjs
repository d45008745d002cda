/**
 * Command-line flags for the headless Chromium that the browser tests and `npm run bench` drive.
 */
export const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium 156 loads the omnibox popup's WebUI (two chrome:// pages in a renderer of their own)
  // for every new browser context, i.e. for every test and every measured load: about 0.6 s of
  // CPU on two cores, right while the page under test starts. A user's browser loads it once per
  // window, long before a trace link is opened. (Chromium traces of a load, Target.getTargets.)
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
