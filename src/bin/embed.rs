//! The embed module: what a frame showing a map on another site loads, the read-only map alone.

fn main() {
    journeyscope::start_embed();
}
