package dev.quiver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md §4: the core is plain Java and nothing below the API reaches up into it. */
@AnalyzeClasses(packages = "dev.quiver",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses()
            .that().resideInAnyPackage("dev.quiver.store..", "dev.quiver.index..", "dev.quiver.expr..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("store, index and expr are plain Java (DESIGN.md §4)");

    @ArchTest
    static final ArchRule storeDependsOnNoOtherFeature = noClasses()
            .that().resideInAPackage("dev.quiver.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.quiver.index..", "dev.quiver.expr..", "dev.quiver.collection..", "dev.quiver.api..")
            .because("the store is the bottom layer");

    @ArchTest
    static final ArchRule nothingBelowTheApiDependsOnIt = noClasses()
            .that().resideInAnyPackage("dev.quiver.collection..", "dev.quiver.store..", "dev.quiver.index..",
                    "dev.quiver.expr..", "dev.quiver.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.quiver.api..")
            .because("dependencies point from api to collection, never back (DESIGN.md §4)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.quiver.(*)..").should().beFreeOfCycles()
            .because("each feature package can be read, tested and changed from its dependencies up");
}
