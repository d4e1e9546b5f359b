package io.github.berth.placement.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.placement.query.Expression.And;
import io.github.berth.placement.query.Expression.Not;
import io.github.berth.placement.query.Expression.Or;
import io.github.berth.placement.query.Expression.Predicate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterQueryTest {

    private static final Subject TYPE = Subject.attribute("ecs.instance-type");
    private static final Subject AZ = Subject.attribute("ecs.availability-zone");
    private static final Subject GROUP = Subject.of(Subject.Kind.TASK_GROUP);

    /** Every documented example of docs/placement.md#documented-query-examples parses, prints canonically and reparses equal. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "attribute:ecs.instance-type == t2.small",
                "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
                "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
                "task:group == service:production",
                "not(task:group == database)",
                "runningTasksCount == 1",
                "agentVersion < 1.14.5",
                "registeredAt < 2018-02-13",
                "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
                "attribute:ecs.instance-type == g2.2xlarge",
                "attribute:stack == prod",
                "attribute:stack != prod",
                "attribute:ecs.instance-type in [t2.small, t2.medium]",
                "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a",
                "attribute:ecs.instance-type =~ t2.*",
                "task:group == databases",
                "task:group == service:daemon-service",
                "attribute:ecs.instance-type == p2.xlarge",
                "attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL",
                "attribute:ecs.availability-zone not_in [us-east-1e]",
                "attribute:ecs.os-type == linux",
                "attribute:color =~ green"
            })
    void documentedExamplesRoundTrip(String text) {
        Expression e = ClusterQuery.parse(text);
        assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e);
    }

    @Test
    void example1Structure() {
        assertThat(ClusterQuery.parse("attribute:ecs.instance-type == t2.small"))
                .isEqualTo(Predicate.of(TYPE, Operator.EQUALS, "t2.small"));
    }

    @Test
    void example2ListValues() {
        assertThat(ClusterQuery.parse("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"))
                .isEqualTo(Predicate.of(AZ, Operator.IN, "us-east-1a", "us-east-1b"));
    }

    @Test
    void example3AndOfTwo() {
        assertThat(ClusterQuery.parse(
                        "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d"))
                .isEqualTo(new And(
                        Predicate.of(TYPE, Operator.MATCHES, "g2.*"),
                        Predicate.of(AZ, Operator.NOT_EQUALS, "us-east-1d")));
    }

    @Test
    void example5NotFunctionStyle() {
        assertThat(ClusterQuery.parse("not(task:group == database)"))
                .isEqualTo(new Not(Predicate.of(GROUP, Operator.EQUALS, "database")));
    }

    @Test
    void example9QuotedValuesAreTheSameAsBare() {
        assertThat(ClusterQuery.parse("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']"))
                .isEqualTo(ClusterQuery.parse("ec2InstanceId in [i-abcd1234, i-wxyx7890]"));
    }

    /** Example 10, the precedence template: parentheses group; without them and binds tighter than or. */
    @Test
    void example10Precedence() {
        Predicate e1 = Predicate.of(Subject.attribute("a"), Operator.EQUALS, "1");
        Predicate e2 = Predicate.of(Subject.attribute("b"), Operator.EQUALS, "2");
        Predicate e3 = Predicate.of(Subject.attribute("c"), Operator.EQUALS, "3");
        assertThat(ClusterQuery.parse("(attribute:a == 1 or attribute:b == 2) and attribute:c == 3"))
                .isEqualTo(new And(new Or(e1, e2), e3));
        assertThat(ClusterQuery.parse("attribute:a == 1 or attribute:b == 2 and attribute:c == 3"))
                .isEqualTo(new Or(e1, new And(e2, e3)));
        assertThat(ClusterQuery.parse("not attribute:a == 1 and attribute:b == 2"))
                .isEqualTo(new And(new Not(e1), e2));
    }

    @Test
    void symbolsAndWordsAreTheSameOperators() {
        assertThat(ClusterQuery.parse("attribute:a equals x && attribute:b not_equals y || !attribute:c exists"))
                .isEqualTo(ClusterQuery.parse("attribute:a == x and attribute:b != y or not attribute:c exists"));
        assertThat(ClusterQuery.parse("attribute:a !exists")).isEqualTo(ClusterQuery.parse("attribute:a not_exists"));
        assertThat(ClusterQuery.parse("attribute:a !in [x]")).isEqualTo(ClusterQuery.parse("attribute:a not_in [x]"));
        assertThat(ClusterQuery.parse("attribute:a !~ x")).isEqualTo(ClusterQuery.parse("attribute:a not_matches x"));
        assertThat(ClusterQuery.parse("runningTasksCount greater_than_equal 2"))
                .isEqualTo(ClusterQuery.parse("runningTasksCount >= 2"));
        assertThat(ClusterQuery.parse("runningTasksCount less_than 2"))
                .isEqualTo(ClusterQuery.parse("runningTasksCount < 2"));
    }

    @Test
    void printerIsCanonical() {
        assertThat(ClusterQuery.print(ClusterQuery.parse("(attribute:a  ==  'x')AND NOT(task:group==g)")))
                .isEqualTo("attribute:a == x and not(task:group == g)");
        assertThat(ClusterQuery.print(ClusterQuery.parse("attribute:a == 'has space' or attribute:b == ''")))
                .isEqualTo("attribute:a == 'has space' or attribute:b == ''");
        assertThat(ClusterQuery.print(ClusterQuery.parse("attribute:a == 'it''s'")))
                .isEqualTo("attribute:a == 'it''s'");
    }

    @Test
    void printerParenthesizesTreesTheParserWouldGroupOtherwise() {
        Predicate a = Predicate.of(Subject.attribute("a"), Operator.EXISTS);
        Predicate b = Predicate.of(Subject.attribute("b"), Operator.EXISTS);
        Predicate c = Predicate.of(Subject.attribute("c"), Operator.EXISTS);
        for (Expression e : List.of(
                new And(a, new And(b, c)),
                new Or(a, new Or(b, c)),
                new And(new Or(a, b), c),
                new Not(new And(a, b)),
                new Or(new And(a, b), new Not(c)))) {
            assertThat(ClusterQuery.parse(ClusterQuery.print(e)))
                    .as(ClusterQuery.print(e))
                    .isEqualTo(e);
        }
        assertThat(ClusterQuery.print(new And(a, new And(b, c))))
                .isEqualTo("attribute:a exists and (attribute:b exists and attribute:c exists)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                          | 1  | the expression is empty",
                "attribute:ecs.instance-type ==              | 31 | expected a value after ==",
                "attribute:ecs.instance-type = t2.small      | 29 | unexpected character '='",
                "foo == bar                                  | 1  | unknown subject 'foo'",
                "ec2InstanceId > i-1                         | 15 | the operator > is not valid for ec2InstanceId",
                "agentVersion =~ 1.*                         | 14 | the operator =~ is not valid for agentVersion",
                "runningTasksCount == many                   | 22 | runningTasksCount takes a whole number",
                "registeredAt < yesterday                    | 16 | registeredAt takes a date",
                "agentConnected == maybe                     | 19 | agentConnected takes true or false",
                "attribute:a =~ '('                          | 16 | is not a valid Java regular expression",
                "(attribute:a exists                         | 20 | expected ')' to close the '(' at column 1",
                "attribute:a in [x, y                        | 21 | expected ',' or ']' in the list",
                "attribute:a in x                            | 16 | expected '[' to start the list of in",
                "attribute:a == x attribute:b == y           | 18 | expected 'and', 'or' or the end of the expression",
                "attribute:a == 'open                        | 16 | the quoted value is not closed",
                "attribute: exists                           | 1  | attribute: needs an attribute name",
                "task:group exists                           | 12 | the operator exists is not valid for task:group",
                "attribute:a == x and                        | 21 | expected a subject"
            })
    void errorsPointAtTheColumn(String text, int column, String reason) {
        assertThatThrownBy(() -> ClusterQuery.parse(text))
                .isInstanceOf(InvalidParameterException.class)
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage())
                            .startsWith("Invalid cluster query language expression at column " + column + ": ");
                    assertThat(e.errorCode()).isEqualTo("InvalidParameterException");
                });
    }

    /** What the parser refuses cannot be built either: every expression that exists prints and parses back. */
    @Test
    void expressionsTheParserWouldRefuseCannotBeBuilt() {
        assertThatThrownBy(() -> Subject.attribute("has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid attribute name 'has space'");
        assertThatThrownBy(() -> Subject.attribute("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Predicate.of(GROUP, Operator.EXISTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the operator exists is not valid for task:group");
        assertThatThrownBy(() -> Predicate.of(Subject.of(Subject.Kind.RUNNING_TASKS_COUNT), Operator.EQUALS, "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runningTasksCount takes a whole number");
        assertThatThrownBy(() -> Predicate.of(TYPE, Operator.MATCHES, "("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid Java regular expression");
        Expression fine = Predicate.of(Subject.attribute("app/tier_1\\x"), Operator.IN, "", "it's", "a b");
        assertThat(ClusterQuery.parse(ClusterQuery.print(fine))).isEqualTo(fine);
    }

    @Test
    void keywordsAsValuesAndValuesNeedingQuotes() {
        Expression e = ClusterQuery.parse("task:group == and");
        assertThat(e).isEqualTo(Predicate.of(GROUP, Operator.EQUALS, "and"));
        Expression regex = Predicate.of(Subject.attribute("x"), Operator.MATCHES, "(a|b)[0-9]+");
        assertThat(ClusterQuery.print(regex)).isEqualTo("attribute:x =~ '(a|b)[0-9]+'");
        assertThat(ClusterQuery.parse(ClusterQuery.print(regex))).isEqualTo(regex);
    }

    @Test
    void nestingUpToTheLimitParsesPrintsAndEvaluates() {
        String term = "runningTasksCount == 0";
        String chain = (term + " and ").repeat(ClusterQuery.MAX_DEPTH - 1) + term;
        Expression e = ClusterQuery.parse(chain);
        assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e);
        assertThat(e.hashCode()).isEqualTo(ClusterQuery.parse(chain).hashCode());
        QueryTarget none = new QueryTarget() {
            @Override
            public int instanceCount() {
                return 1;
            }

            @Override
            public Boolean agentConnected(int i) {
                return true;
            }

            @Override
            public String agentVersion(int i) {
                return null;
            }

            @Override
            public String ec2InstanceId(int i) {
                return null;
            }

            @Override
            public java.time.Instant registeredAt(int i) {
                return null;
            }

            @Override
            public int runningTasksCount(int i) {
                return 0;
            }

            @Override
            public AttributeColumn attribute(String name) {
                return i -> null;
            }

            @Override
            public boolean hostsGroup(int i, String group) {
                return false;
            }

            @Override
            public Iterable<String> groups(int i) {
                return List.of();
            }
        };
        assertThat(ClusterQuery.select(e, none)).containsExactly(0);
        String nots = "not ".repeat(ClusterQuery.MAX_DEPTH - 1) + term;
        assertThat(ClusterQuery.parse(nots)).isInstanceOf(Not.class);
        // printed as not(not(...)): each not( is one level, so the canonical text parses back
        assertThat(ClusterQuery.parse(ClusterQuery.print(ClusterQuery.parse(nots))))
                .isEqualTo(ClusterQuery.parse(nots));
        assertThatThrownBy(() -> ClusterQuery.parse(
                        "not(".repeat(ClusterQuery.MAX_DEPTH) + term + ")".repeat(ClusterQuery.MAX_DEPTH)))
                .isInstanceOf(QuerySyntaxException.class);
        String parens = "(".repeat(ClusterQuery.MAX_DEPTH) + term + ")".repeat(ClusterQuery.MAX_DEPTH);
        assertThat(ClusterQuery.parse(parens)).isEqualTo(ClusterQuery.parse(term));
    }

    @Test
    void nestingBeyondTheLimitIsASyntaxErrorNotAStackOverflow() {
        // These overflowed the stack (parsing parentheses and 'not's, printing and hashing long chains).
        String term = "runningTasksCount == 0";
        for (String text : List.of(
                (term + " and ").repeat(ClusterQuery.MAX_DEPTH) + term,
                (term + " or ").repeat(20_000) + term,
                "not ".repeat(ClusterQuery.MAX_DEPTH) + term,
                "!".repeat(20_000) + term,
                "(".repeat(ClusterQuery.MAX_DEPTH + 1) + term + ")".repeat(ClusterQuery.MAX_DEPTH + 1),
                "(".repeat(20_000) + term + ")".repeat(20_000))) {
            assertThatThrownBy(() -> ClusterQuery.parse(text))
                    .isInstanceOf(QuerySyntaxException.class)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("the expression nests more than " + ClusterQuery.MAX_DEPTH + " levels deep");
        }
    }

    @Test
    void expressionsBuiltThroughTheApiNestNoDeeperThanTheParserAllows() {
        // A chain of 100,000 'or's built with the records overflowed the stack when printed or evaluated.
        Expression e = Predicate.of(GROUP, Operator.EQUALS, "web");
        for (int i = 1; i < ClusterQuery.MAX_DEPTH - 1; i++) {
            // 'and' something all hold, 'or' something none hold, and an even number of 'not's: web's instances
            e = i % 3 == 0
                    ? new Not(e)
                    : i % 3 == 1
                            ? new And(e, Predicate.of(GROUP, Operator.NOT_EQUALS, "none"))
                            : new Or(Predicate.of(GROUP, Operator.EQUALS, "none"), e);
        }
        Expression deepest = new Or(e, e);
        assertThat(ClusterQuery.parse(ClusterQuery.print(deepest))).isEqualTo(deepest);
        assertThat(ClusterQuery.select(deepest, THREE)).containsExactly(0, 1);
        assertThat(ClusterQuery.select(new Not(e), THREE)).containsExactly(2);
        Expression limit = deepest;
        assertThatThrownBy(() -> new Not(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the expression nests more than " + ClusterQuery.MAX_DEPTH + " levels deep");
        assertThatThrownBy(() -> new And(Predicate.of(GROUP, Operator.EQUALS, "web"), limit))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Or(limit, Predicate.of(GROUP, Operator.EQUALS, "web")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patternsMatchInLinearTimeWhateverTheirShape() {
        // With java.util.regex these took exponential time (or overflowed the stack) on 30 characters.
        QueryTarget thirtyAs = new QueryTarget() {
            @Override
            public int instanceCount() {
                return 2;
            }

            @Override
            public Boolean agentConnected(int i) {
                return true;
            }

            @Override
            public String agentVersion(int i) {
                return null;
            }

            @Override
            public String ec2InstanceId(int i) {
                return "a".repeat(30);
            }

            @Override
            public java.time.Instant registeredAt(int i) {
                return null;
            }

            @Override
            public int runningTasksCount(int i) {
                return 0;
            }

            @Override
            public AttributeColumn attribute(String name) {
                return i -> "a".repeat(30 + 100_000 * i) + (i == 1 ? "b" : "");
            }

            @Override
            public boolean hostsGroup(int i, String group) {
                return false;
            }

            @Override
            public Iterable<String> groups(int i) {
                return List.of("a".repeat(30));
            }
        };
        assertThat(ClusterQuery.select(ClusterQuery.parse("attribute:y =~ '((a+)+)+b'"), thirtyAs))
                .containsExactly(1);
        assertThat(ClusterQuery.select(ClusterQuery.parse("attribute:y !~ '(a|aa)*c'"), thirtyAs))
                .containsExactly(0, 1);
        assertThat(ClusterQuery.select(ClusterQuery.parse("ec2InstanceId =~ '(a*)*b'"), thirtyAs))
                .isEmpty();
        assertThat(ClusterQuery.select(ClusterQuery.parse("task:group =~ '(a?){30}a{30}'"), thirtyAs))
                .containsExactly(0, 1);
    }

    @Test
    void patternsWhoseRepetitionsMultiplyBeyondTheLimitAreRefusedBeforeCompiling() {
        // RE2/J writes counted repetitions out: these 24 characters took gigabytes to compile.
        for (String p : List.of("((a{100}){100}){100}", "(a{1000}){1000}", "(x{2,}|y){41}{50}", "a{1000}b{1000}c")) {
            assertThatThrownBy(() -> ClusterQuery.parse("attribute:a =~ '" + p + "'"))
                    .isInstanceOfSatisfying(
                            QuerySyntaxException.class,
                            e -> assertThat(e.reason())
                                    .isEqualTo(
                                            "'" + p + "' repeats too much: written out, its counted repetitions ({n})"
                                                    + " would make more than 2000 elements"));
        }
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a =~ 'a{1001}'"))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo("'a{1001}' repeats too much: a count ({n}) is at most 1000"));
        for (String p :
                List.of("a{1000}", "(ab){1000}", "[a{}]{1000}x", "\\{{1000}", "a{,5}{3}", "(a{10}){10}(b{10}){10}")) {
            assertThat(ClusterQuery.parse("attribute:a =~ '" + p + "'")).as(p).isInstanceOf(Predicate.class);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "attribute:a =~ '(a)\\1'       | invalid escape sequence",
                "attribute:a =~ 'x(?=y)'       | invalid or unsupported Perl syntax",
                "attribute:a =~ 'x(?<!y)'      | invalid named capture",
                "attribute:a =~ 'a*+'          | invalid nested repetition operator",
                "attribute:a =~ '(?>a)'        | invalid or unsupported Perl syntax"
            })
    void javaConstructsThatCannotBeMatchedInLinearTimeAreRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> ClusterQuery.parse(text)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.column()).isEqualTo(16);
            assertThat(e.reason())
                    .startsWith("'")
                    .contains("' uses a construct Berth cannot match in linear time (backreferences,"
                            + " lookaround, possessive quantifiers and atomic groups are not supported): ")
                    .contains(reason);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(a)\\1(        | a backreference at index 3",
                "x(?=y)(        | lookaround at index 1",
                "(?>a)(         | an atomic group at index 0",
                "a{2}+(         | a possessive quantifier at index 3",
                "\\p{L}+(      | ",
                "[a+]+(         | ",
                "\\1[(         | a backreference at index 0",
                "[\\1](         | "
            })
    void theConstructsJavaHasAndRe2jLacksAreFoundBySyntaxAlone(String pattern, String construct) {
        assertThat(UserPattern.nonLinearConstruct(pattern)).isEqualTo(construct);
    }

    /** RE2/J's case folding never ends for some characters (U+1C80...): such patterns are refused, not compiled. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(?i)[a-\\x{2000}]        | U+1C80",
                "(?i)\\x{1c80}            | U+1C80",
                "(?si)x[\\x{1c00}-\\x{1d00}] | U+1C80",
                "a(?i:\u1c80)            | U+1C80",
                "(?i)[x\\a-\uFFFD]       | U+1C80",
                "(?i)[\\d-\uFFFD]        | U+1C80",
                "(?i)[]a-\uFFFD]         | U+1C80",
                "(?si)[--\uFFFD]         | U+1C80",
                "(?i)[a-c--\uFFFD]       | U+1C80"
            })
    void caseInsensitivePatternsRe2jCannotFoldAreRefused(String pattern, String named) {
        assertThat(UserPattern.problem(pattern))
                .isEqualTo("'" + pattern + "' cannot be matched case-insensitively: it holds " + named
                        + ", whose case folding RE2/J cannot finish (leave out the (?i) flag or the character)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(?i)[a-z]",
                "(?i)[-a-z]",
                "(?i)[+--]",
                "(?i)foo-bar",
                "[a-\\x{2000}]",
                "(?i)[\\x{0}-\\x{10FFFF}]",
                "(?-i)[a-\\x{2000}]",
                "(?i)\\p{L}+",
                "(?s)\u1c80"
            })
    void patternsWithoutThoseCharactersOrWithoutTheFlagCompile(String pattern) {
        assertThat(UserPattern.problem(pattern)).isNull();
        assertThat(ClusterQuery.parse("attribute:a =~ '" + pattern + "'")).isInstanceOf(Predicate.class);
    }

    @Test
    void anInvalidPatternIsNamedWithoutBeingCompiledByJava() {
        assertThat(UserPattern.problem("(a+"))
                .isEqualTo("'(a+' is not a valid Java regular expression (as RE2/J reads it): missing closing )");
        assertThat(UserPattern.problem("(a)\\1"))
                .startsWith("'(a)\\1' uses a construct Berth cannot match in linear time")
                .contains(": a backreference at index 3 (");
    }

    /** Three instances: 0 and 1 have attributes, 2 has none; groups web (0), db and web (1), none (2). */
    private static final QueryTarget THREE = new QueryTarget() {
        private final String[] size = {"9", "10", null};
        private final java.time.Instant[] at = {
            java.time.Instant.parse("2018-02-12T23:59:59Z"),
            java.time.Instant.parse("2018-02-13T12:00:00Z"),
            java.time.Instant.parse("2018-02-14T00:00:00Z")
        };
        private final List<List<String>> groups = List.of(List.of("web"), List.of("db", "web"), List.of());

        @Override
        public int instanceCount() {
            return 3;
        }

        @Override
        public Boolean agentConnected(int i) {
            return i != 1;
        }

        @Override
        public String agentVersion(int i) {
            return new String[] {"1.14", "1.9.0", "1.14.5"}[i];
        }

        @Override
        public String ec2InstanceId(int i) {
            return "i-" + i;
        }

        @Override
        public java.time.Instant registeredAt(int i) {
            return at[i];
        }

        @Override
        public int runningTasksCount(int i) {
            return i;
        }

        @Override
        public AttributeColumn attribute(String name) {
            return i -> size[i];
        }

        @Override
        public boolean hostsGroup(int i, String group) {
            return groups.get(i).contains(group);
        }

        @Override
        public Iterable<String> groups(int i) {
            return groups.get(i);
        }
    };

    private static List<Integer> select(String text) {
        return ClusterQuery.select(ClusterQuery.parse(text), THREE);
    }

    /** Each operator on each subject, against instances chosen so that a neighbouring operator answers differently. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // [model] attribute values compare as numbers when both are: 9 < 10
                "attribute:size < 10          | 0",
                "attribute:size <= 10         | 0,1",
                "attribute:size > 9           | 1",
                "attribute:size >= 9          | 0,1",
                "attribute:size != 9          | 1",
                "attribute:size not_in [8, 9] | 1",
                "attribute:size =~ 1          | ''",
                "attribute:size !~ 1          | 0,1",
                "ec2InstanceId in [i-9, i-1]  | 1",
                "ec2InstanceId !in [i-9, i-1] | 0,2",
                "ec2InstanceId !~ i-          | 0,1,2",
                // true and false are read in any case, as the value check accepts them
                "agentConnected == TRUE       | 0,2",
                "agentConnected != True       | 1",
                "agentConnected in [FALSE]    | 1",
                "agentConnected =~ t.*        | 0,2",
                // a pattern keeps its case: only the values true and false are read in any case
                "agentConnected =~ T.*        | ''",
                // missing version parts count as 0: 1.14 is 1.14.0
                "agentVersion == 1.14.0       | 0",
                "agentVersion < 1.14.5        | 0,1",
                "agentVersion <= 1.14         | 0,1",
                "agentVersion != 1.14         | 1,2",
                "runningTasksCount <= 1       | 0,1",
                "runningTasksCount != 1       | 0,2",
                "runningTasksCount > 1        | 2",
                // [model] a date alone is its whole UTC day
                "registeredAt == 2018-02-13   | 1",
                "registeredAt == 2018-02-12   | 0",
                "registeredAt >= 2018-02-14   | 2",
                "registeredAt != 2018-02-13   | 0,2",
                "registeredAt >= 2018-02-13   | 1,2",
                "registeredAt > 2018-02-13    | 2",
                "registeredAt <= 2018-02-13   | 0,1",
                "registeredAt < 2018-02-13    | 0",
                "registeredAt == 2018-02-13T12:00:00Z | 1",
                "task:group in [cache, db]    | 1",
                "task:group not_in [cache, db] | 0,2",
                "task:group =~ w              | ''",
                "task:group =~ w.*            | 0,1",
                "task:group !~ d.*            | 0,2",
                "task:group != web            | 2",
                "attribute:size NOT_EQUALS 9  | 1"
            })
    void operatorsSelectTheRightInstances(String text, String expected) {
        List<Integer> want = expected.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(expected.split(","))
                        .map(Integer::valueOf)
                        .toList();
        assertThat(select(text)).as(text).isEqualTo(want);
    }

    @Test
    void printerParenthesizesALeftOperandOnlyWhenItBindsLooser() {
        Predicate a = Predicate.of(Subject.attribute("a"), Operator.EXISTS);
        Predicate b = Predicate.of(Subject.attribute("b"), Operator.EXISTS);
        Predicate c = Predicate.of(Subject.attribute("c"), Operator.EXISTS);
        assertThat(ClusterQuery.print(new And(new And(a, b), c)))
                .isEqualTo("attribute:a exists and attribute:b exists and attribute:c exists");
        assertThat(ClusterQuery.print(new And(new Or(a, b), c)))
                .isEqualTo("(attribute:a exists or attribute:b exists) and attribute:c exists");
        assertThat(ClusterQuery.print(Predicate.of(Subject.attribute("a"), Operator.IN, "x", "y")))
                .isEqualTo("attribute:a in [x, y]");
    }
}
