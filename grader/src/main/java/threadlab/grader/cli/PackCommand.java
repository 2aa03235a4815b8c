package threadlab.grader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code grade pack}: the tools for writing an exercise pack. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        header = "Tools for exercise packs: an instructor's own exercises, graded like the built-in ones.",
        description = {"An exercise pack is a folder with a descriptor (pack.properties), the API contract, the stub,",
                "the reference solution, the check suites and buggy fixtures. See the README's 'Authoring an exercise'."},
        subcommands = {PackNewCommand.class, PackVerifyCommand.class, CommandLine.HelpCommand.class})
final class PackCommand {
}
