package threadlab.grader.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import threadlab.grader.GraderVersion;
import threadlab.grader.host.GraderLaunch;

/**
 * The {@code threadlab} command line: {@code grade} and {@code list}.
 *
 * <p>Exit codes: 0 graded; 1 graded, but below {@code --fail-under}; 2 usage error (wrong arguments,
 * unreadable submission, invalid rubric); 3 internal error of the grader.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = ThreadLabCli.Version.class,
        description = "Grades ThreadLab concurrency exercises and explains every lost point.",
        subcommands = {GradeCommand.class, ListCommand.class, BatchCommand.class, MergeCommand.class, PackCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graded", "1:graded, but the score is below --fail-under",
                "2:usage error: wrong arguments, unreadable submission or rubric", "3:internal error of the grader"})
public final class ThreadLabCli {

    public static final int GRADED = GraderLaunch.GRADED;
    public static final int BELOW_THRESHOLD = GraderLaunch.BELOW_THRESHOLD;
    public static final int USAGE = GraderLaunch.USAGE;
    public static final int INTERNAL_ERROR = GraderLaunch.INTERNAL_ERROR;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ThreadLabCli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(ThreadLabCli::wrongArguments)
                .setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    /** Wrong arguments: what is wrong in one line, and where the options are explained. */
    private static int wrongArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("grade: " + e.getMessage());
        err.println(seeHelp(e.getCommandLine()));
        return USAGE;
    }

    /** "Run './grade batch --help' for the options." for the command the user ran. */
    static String seeHelp(CommandLine command) {
        return "Run './" + command.getCommandSpec().qualifiedName() + " --help' for the options.";
    }

    /** Bad input gets a one-line explanation; only our own bugs get a stack trace. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
            PrintWriter err = command.getErr();
            if (e instanceof UsageProblem) {
                err.println("grade: " + e.getMessage());
                err.println(seeHelp(command));
                return USAGE;
            }
            err.println("grade: internal error of the grader (not of your code): " + e);
            e.printStackTrace(err);
            err.println("Please report this with the output above.");
            return INTERNAL_ERROR;
        }
    }

    /** A problem with what the user gave us, explained in its message. */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ThreadLab grader " + GraderVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
