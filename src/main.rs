fn main() {
    journeyscope::crash::install();
    yew::Renderer::<journeyscope::App>::new().render();
}
