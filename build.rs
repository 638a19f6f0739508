//! Build script. The default theme and the `new` scaffold are embedded with include_dir; tell
//! cargo to rebuild when any of their files change.
fn main() {
    println!("cargo:rerun-if-changed=themes/hub");
    println!("cargo:rerun-if-changed=src/scaffold/site");
}
