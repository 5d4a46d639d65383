//! Links the `stepfn` command for a fast start on Linux with the GNU
//! toolchain: as a position-dependent executable, and with the unwinder
//! built in rather than loaded from `libgcc_s.so`.
//!
//! A position-independent executable has every pointer in its read-only data
//! patched by the dynamic loader at start: about 16,700 relocations over some
//! 80 pages, each page copied on its first write. `stepfn validate` on a small
//! file then spends more time starting than validating. Linked at a fixed
//! address, the binary needs none of that, and a run on a one-state file takes
//! about 0.7 ms less (see BENCHMARKS.md). The price is that the executable's
//! own code is not moved by address-space randomisation (its libraries, stack
//! and heap still are), which suits a local developer tool.
//!
//! The unwinder (what `panic` and backtraces use) comes from GCC's static
//! `libgcc_eh.a` when the C compiler has one: the shared `libgcc_s.so` it
//! replaces is one library less to find, map and relocate at every start,
//! and its start-up code probes the processor with `cpuid`, which a virtual
//! machine traps. Without `libgcc_eh.a`, the shared library is linked as usual.
//!
//! When the linker is LLD (Rust's default for x86-64 Linux since 1.90, unless
//! the build names another linker), the functions `stepfn validate` runs are
//! laid out together at the start of the code: `hot-functions.txt`, written
//! by `scripts/hot-functions/generate.py`. A run then touches about half as
//! many pages of code, each a page fault when the binary starts
//! (BENCHMARKS.md). Names the list no longer matches (after a new compiler
//! or version renames symbols) are passed over.

use std::env::var;
use std::path::Path;
use std::process::Command;

fn main() {
    let os = var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
        if has_static_unwinder() {
            println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
        }
        if links_with_lld() {
            let list =
                Path::new(&var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("hot-functions.txt");
            if list.is_file() {
                println!(
                    "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
                    list.display()
                );
                println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
            }
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=hot-functions.txt");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
}

/// Whether rustc links with its own LLD: on x86-64 Linux from Rust 1.90, when
/// the build chooses no linker of its own (`RUSTC_LINKER`, set by cargo from
/// a configured `linker`) and the compiler flags say nothing of linkers.
fn links_with_lld() -> bool {
    if var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("x86_64") || var("RUSTC_LINKER").is_ok() {
        return false;
    }
    let flags = var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.contains("link") || flags.contains("fuse-ld") {
        return false;
    }
    let rustc = var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .unwrap_or_default();
    // `rustc 1.95.0 (59807616e 2026-04-14)`
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|number| number.split('.').nth(1))
        .and_then(|minor| minor.parse::<u32>().ok());
    version.starts_with("rustc 1.") && minor.is_some_and(|minor| minor >= 90)
}

/// Whether the C compiler that links the binary finds `libgcc_eh.a`: asked
/// for a file it cannot find, it prints the bare name back.
fn has_static_unwinder() -> bool {
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    Command::new(compiler)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .is_some_and(|path| !matches!(path.trim(), "" | "libgcc_eh.a"))
}
