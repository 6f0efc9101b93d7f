/** The popup's page, relative to the extension root (the manifest's Firefox popup, the worker's Chrome popup). */
export const POPUP_PAGE = 'src/popup/index.html';
