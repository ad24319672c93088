//! The app: the library, the editor, the score panel, the share dialog, and a share link's copy
//! being saved. The page's loader runs it for every route but an embed frame's and a share
//! link's read-only page (`scripts/boot.js`).

fn main() {
    journeyscope::start();
}
