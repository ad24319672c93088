//! The embed module: what a frame showing a map on another site loads, the read-only map alone,
//! and what a share link loads, the same map on a page of its own. Saving a share link's copy
//! navigates to the app (`Route::Save`); nothing passes between the two modules in memory.

fn main() {
    journeyscope::start_embed();
}
