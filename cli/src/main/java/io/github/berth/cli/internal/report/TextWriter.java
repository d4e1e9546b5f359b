package io.github.berth.cli.internal.report;

import java.io.PrintWriter;

/**
 * For people: one headline per subject ({@code file: OK}, {@code file: 2 problems}, {@code file: not
 * a task definition}) and one indented line per finding, {@code path (line L, column C): ErrorCode:
 * message}.
 */
final class TextWriter implements Format.ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        for (Subject s : report.subjects()) {
            switch (s.outcome()) {
                case VALID:
                    out.println(s.name() + ": OK");
                    break;
                case INVALID:
                    int n = s.findings().size();
                    out.println(s.name() + ": " + n + (n == 1 ? " problem" : " problems"));
                    break;
                case SKIPPED:
                    out.println(s.name() + ": skipped: " + s.summary());
                    break;
                default:
                    out.println(s.name() + ": " + s.summary());
            }
            for (Finding f : s.findings()) {
                out.println("  " + line(f, s.outcome()));
            }
            for (String note : s.notes()) {
                out.println("  note: " + note);
            }
        }
    }

    private static String line(Finding f, Subject.Outcome outcome) {
        if (outcome == Subject.Outcome.UNREADABLE && f.path().isEmpty()) {
            // a problem of the text itself: where in the text, if known, then why
            return f.line() > 0 ? "line " + f.line() + ", column " + f.column() + ": " + f.message() : f.message();
        }
        return f.where() + ": " + (f.errorType() == null ? "" : f.errorType() + ": ") + f.message();
    }
}
