pub mod use_autosave;
pub mod use_route;
pub mod use_screen_module;
pub mod use_undo_keys;
