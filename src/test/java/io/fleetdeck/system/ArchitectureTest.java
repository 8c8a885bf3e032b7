package io.fleetdeck.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layer rules from ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fleetdeck");
    }

    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("io.fleetdeck.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..", "org.bytedeco..",
                        "io.prometheus..", "org.controlsfx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("io.fleetdeck.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdeck.kube..", "io.fleetdeck.sim..",
                        "io.fleetdeck.app..", "io.fleetdeck.media..", "io.fleetdeck.nvml..")
                .check(classes);
    }

    @Test
    void nativeCodeDependsOnlyOnCore() {
        noClasses().that().resideInAPackage("io.fleetdeck.nvml..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..", "org.bytedeco..",
                        "io.fleetdeck.app..", "io.fleetdeck.kube..", "io.fleetdeck.sim..", "io.fleetdeck.media..")
                .check(classes);
    }

    @Test
    void theSimulatorUsesTheEngineOnlyThroughTheCorePort() {
        noClasses().that().resideInAPackage("io.fleetdeck.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fleetdeck.media..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void adaptersNeverTouchTheUi() {
        noClasses().that().resideInAnyPackage("io.fleetdeck.kube..", "io.fleetdeck.sim..", "io.fleetdeck.media..",
                        "io.fleetdeck.nvml..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fleetdeck.app..")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void onlyTheAppUsesFabric8ThroughTheKubeAdapter() {
        noClasses().that().resideInAPackage("io.fleetdeck.app..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(classes);
    }
}
