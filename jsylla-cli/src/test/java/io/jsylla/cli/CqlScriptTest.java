package io.jsylla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlScriptTest {

    @Test
    void semicolonsEndStatementsExceptInsideQuotesBodiesAndComments() {
        CqlScript s = new CqlScript();
        List<String> got = s.add("""
                INSERT INTO t (k, v) VALUES (1, 'a;b''c');  -- a comment; with a semicolon
                SELECT "odd;name" FROM t; // another; one
                /* a block; comment */ CREATE FUNCTION f(x int) RETURNS NULL ON NULL INPUT RETURNS int
                  LANGUAGE java AS $$ return x; $$;
                """);
        assertThat(got).containsExactly(
                "INSERT INTO t (k, v) VALUES (1, 'a;b''c')",
                "SELECT \"odd;name\" FROM t",
                "CREATE FUNCTION f(x int) RETURNS NULL ON NULL INPUT RETURNS int\n  LANGUAGE java AS $$ return x; $$");
        assertThat(s.hasPending()).isFalse();
    }

    @Test
    void aStatementSpreadOverLinesCompletesOnTheLineWithItsSemicolon() {
        CqlScript s = new CqlScript();
        List<String> got = new ArrayList<>();
        got.addAll(s.add("SELECT *\n"));
        assertThat(s.hasPending()).isTrue();
        got.addAll(s.add("  FROM t WHERE v = 'it''s;\n"));
        assertThat(got).isEmpty();
        assertThat(s.hasPending()).as("inside a string").isTrue();
        got.addAll(s.add("still text'; SELECT 2;\n"));
        assertThat(got).containsExactly("SELECT *\n  FROM t WHERE v = 'it''s;\nstill text'", "SELECT 2");
        assertThat(s.hasPending()).isFalse();
    }

    @Test
    void aBatchEndsAtItsApplyBatchNotAtTheSemicolonsBetweenItsStatements() {
        CqlScript s = new CqlScript();
        assertThat(s.add("BEGIN UNLOGGED BATCH\n INSERT INTO t (k) VALUES (1);\n")).isEmpty();
        assertThat(s.hasPending()).isTrue();
        assertThat(s.add(" UPDATE t SET v = 'x;' WHERE k = 2; APPLY BATCH; SELECT 3;"))
                .containsExactly("BEGIN UNLOGGED BATCH\n INSERT INTO t (k) VALUES (1);\n UPDATE t SET v = 'x;' WHERE k = 2; APPLY BATCH",
                        "SELECT 3");
        assertThat(s.add("begin batch insert into t (k) values (4); apply   batch;"))
                .containsExactly("begin batch insert into t (k) values (4); apply   batch");
    }

    @Test
    void whatIsLeftWithoutASemicolonIsTheRest() {
        CqlScript s = new CqlScript();
        assertThat(s.add("SELECT 1; SELECT 2")).containsExactly("SELECT 1");
        assertThat(s.rest()).isEqualTo("SELECT 2");
        assertThat(s.rest()).isEmpty();
        assertThat(s.add(";;  ;")).as("empty statements").isEmpty();
    }
}
