package nl.evidencestore.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Aggregates decide; they know nothing of HTTP, Kafka, Lucene or the database. */
@AnalyzeClasses(packages = "nl.evidencestore.command", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {
    @ArchTest
    static final ArchRule aggregatesStayPure = noClasses()
            .that().haveSimpleNameNotEndingWith("Endpoints")
            .and().resideInAnyPackage("..command.agreement..", "..command.breach..", "..command.subjectrequest..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.javalin..", "org.apache.kafka..", "org.apache.lucene..", "java.sql..", "javax.sql..");

    /** The employee register's directory is the one class of these rooms that speaks SQL. */
    @ArchTest
    static final ArchRule registerAggregatesStayPure = noClasses()
            .that().resideInAnyPackage("..command.employee..", "..command.securitymeasure..", "..command.disclosure..",
                    "..command.audit..")
            .and().haveSimpleNameNotEndingWith("Directory")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.javalin..", "org.apache.kafka..", "org.apache.lucene..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule commandSideDoesNotReadProjections = noClasses()
            .should().dependOnClassesThat().resideInAPackage("nl.evidencestore.query..");
}
