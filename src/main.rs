fn main() {
    journeyscope::start();
}
