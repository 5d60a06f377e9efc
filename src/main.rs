//! The `kg` command line: thin glue over the library (see `cli`).

mod cli;

// kg allocates many small strings and quads on several threads: mimalloc
// spends far less time in the allocator than the system's malloc (see
// BENCHMARKS.md). It is built without transparent huge pages (the cargo
// feature `no_thp`): on the build machine, faulting in fresh 2 MiB pages
// cost more system time than it saved (10000x build: 35-39 s of system time
// instead of 42 s; graph stage 0.8-0.9 s instead of 2.0-2.4 s), though part
// of the gain comes back as user time (TLB misses) in the graph stage.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Output piped into a reader that stops early (`kg eval … | head`) ends
    // the process quietly, as SIGPIPE does by default, instead of a panic in
    // println!. (Rust ignores SIGPIPE at start-up; this restores the default.)
    // SAFETY: called first in main, before any thread is spawned; setting a
    // signal's disposition to SIG_DFL has no other effect on the program.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::main()
}
