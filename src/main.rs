//! The `kg` command line: thin glue over the library (see `cli`).

mod cli;

// kg allocates many small strings and quads on several threads: mimalloc
// spends far less time in the allocator than the system's malloc (see
// BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
