fn main() {
    yew::Renderer::<journeyscope::App>::new().render();
}
