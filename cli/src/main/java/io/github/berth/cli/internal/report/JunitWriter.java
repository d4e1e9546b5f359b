package io.github.berth.cli.internal.report;

import java.io.PrintWriter;

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, Azure Pipelines, the JUnit report actions of
 * GitHub): one {@code testsuite} named after the command, one {@code testcase} per subject (class name:
 * the file; name: the resource or the kind), a {@code failure} for a subject with findings (its message
 * the first finding, its text every finding), an {@code error} for one that cannot be read, and
 * {@code skipped} for a file left out.
 */
final class JunitWriter implements Format.ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        long failures = report.count(Subject.Outcome.INVALID);
        long errors = report.count(Subject.Outcome.UNREADABLE);
        long skipped = report.count(Subject.Outcome.SKIPPED);
        String suite = "berth " + report.command();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"" + attr(suite) + "\" tests=\""
                + report.subjects().size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\""
                + skipped + "\">");
        out.println("  <testsuite name=\"" + attr(suite) + "\" tests=\""
                + report.subjects().size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\""
                + skipped + "\">");
        for (Subject s : report.subjects()) {
            String name = s.resource() != null ? s.resource() : s.kind().isEmpty() ? s.file() : s.kind();
            out.print("    <testcase classname=\"" + attr(s.file()) + "\" name=\"" + attr(name) + "\"");
            if (s.outcome() == Subject.Outcome.VALID && s.notes().isEmpty()) {
                out.println("/>");
                continue;
            }
            out.println(">");
            StringBuilder text = new StringBuilder();
            for (Finding f : s.findings()) {
                text.append(f.where())
                        .append(": ")
                        .append(f.errorType() == null ? "" : f.errorType() + ": ")
                        .append(f.message())
                        .append('\n');
            }
            switch (s.outcome()) {
                case INVALID: {
                    Finding first = s.findings().get(0);
                    out.println("      <failure message=\"" + attr(first.message()) + "\" type=\""
                            + attr(first.errorType() == null ? first.ruleId() : first.errorType()) + "\">"
                            + text(text.toString())
                            + "</failure>");
                    break;
                }
                case UNREADABLE:
                    out.println("      <error message=\"" + attr(s.summary()) + "\" type=\"" + attr("unreadable")
                            + "\">" + text(text.toString()) + "</error>");
                    break;
                case SKIPPED:
                    out.println("      <skipped message=\"" + attr(s.summary()) + "\"/>");
                    break;
                default:
                    break;
            }
            if (!s.notes().isEmpty()) {
                out.println("      <system-out>" + text(String.join("\n", s.notes())) + "</system-out>");
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                default:
                    // XML 1.0 has no place for most control characters: drop them
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
