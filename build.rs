//! Rebuild the binary when the default theme changes: it is embedded with
//! `include_dir!`, which Cargo does not track on its own.

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
