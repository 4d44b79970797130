/** The CLI's commands, its HTTP client and its terminal output (progress bars, problems, exit codes). */
package vn.kyso.cli.internal;
