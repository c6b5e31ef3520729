package org.district.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.BundleInfo;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;

/**
 * The check that bnd-baseline-maven-plugin runs on this API at every build (see pom.xml), run here on
 * the API as just built, taken as the last release, and on copies of it changed on purpose: a change
 * that would break a vendor's module built against the release fails unless its package's major
 * version goes up, and every change to a package needs the platform's version raised as far.
 */
class ApiBaselineTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final String REST = "org.district.platform.api.rest";
    private static final String MODULE = "org.district.platform.api.module";
    private static final String PERSISTENCE = "org.district.platform.api.persistence";

    private static Version rest;
    private static Version module;
    private static Version persistence;

    @BeforeAll
    static void theApiIsBuiltWithItsManifest() throws Exception {
        assertTrue(Files.exists(CLASSES.resolve("META-INF/MANIFEST.MF")), "bnd-process writes the manifest before the tests run");
        try (Jar released = release()) {
            rest = exported(released, REST);
            module = exported(released, MODULE);
            persistence = exported(released, PERSISTENCE);
        }
    }

    @Test
    void theSameApiInTheNextPatchReleasePasses() throws Exception {
        try (Jar released = release(); Jar next = api("1.0.1")) {
            assertEquals(List.of(), mismatches(next, released));
        }
    }

    @Test
    void removingAPublicMethodWithoutAMajorBumpFailsAndAsksForOne() throws Exception {
        try (Jar released = release(); Jar next = api("1.1.0")) {
            remove(next, "org/district/platform/api/rest/Problem", "conflict");

            assertEquals(List.of(REST + " is " + rest + ", must be at least " + rest.bumpMajor(),
                    "the platform is 1.1.0, must be at least 2.0.0"), mismatches(next, released));

            export(next, REST, rest.bumpMinor());
            assertEquals(List.of(REST + " is " + rest.bumpMinor() + ", must be at least " + rest.bumpMajor(),
                    "the platform is 1.1.0, must be at least 2.0.0"), mismatches(next, released), "a minor bump is not enough for a breaking change");
        }
    }

    @Test
    void aBreakingChangePassesWithTheMajorBumpOfItsPackageAndOfThePlatform() throws Exception {
        try (Jar released = release(); Jar next = api("2.0.0")) {
            remove(next, "org/district/platform/api/rest/Problem", "conflict");
            export(next, REST, rest.bumpMajor());

            assertEquals(List.of(), mismatches(next, released));
        }
    }

    @Test
    void addingAMethodToAnInterfaceThatModulesImplementIsBreaking() throws Exception {
        // DemoData is a @ConsumerType: modules implement it, so a new abstract method breaks every one of them.
        try (Jar released = release(); Jar next = api("1.1.0")) {
            addAbstractMethod(next, "org/district/platform/api/module/DemoData", "unload");
            export(next, MODULE, module.bumpMinor());

            assertEquals(List.of(MODULE + " is " + module.bumpMinor() + ", must be at least " + module.bumpMajor(),
                    "the platform is 1.1.0, must be at least 2.0.0"), mismatches(next, released));
        }
    }

    @Test
    void addingAMethodToAServiceOnlyThePlatformImplementsNeedsAMinorBump() throws Exception {
        // ModuleDatabase is a @ProviderType: modules only call it, so a new method breaks none of them.
        try (Jar released = release(); Jar next = api("1.1.0")) {
            addAbstractMethod(next, "org/district/platform/api/persistence/ModuleDatabase", "vacuum");

            assertEquals(List.of(PERSISTENCE + " is " + persistence + ", must be at least " + persistence.bumpMinor()), mismatches(next, released));

            export(next, PERSISTENCE, persistence.bumpMinor());
            assertEquals(List.of(), mismatches(next, released));
        }
    }

    @Test
    void aChangedPackageNeedsThePlatformVersionRaisedAsFar() throws Exception {
        // The platform's version follows its API: a module built against API 1.x runs on every 1.y platform.
        try (Jar released = release(); Jar next = api("1.0.0")) {
            addAbstractMethod(next, "org/district/platform/api/persistence/ModuleDatabase", "vacuum");
            export(next, PERSISTENCE, persistence.bumpMinor());

            assertEquals(List.of("the platform is 1.0.0, must be at least 1.1.0"), mismatches(next, released));
        }
    }

    /**
     * What bnd-baseline-maven-plugin fails the build for: a package whose version is lower than its
     * changes call for, and a bundle version lower than its packages' changes call for.
     */
    private static List<String> mismatches(Jar newer, Jar older) throws Exception {
        try (Processor processor = new Processor()) {
            Baseline baseline = new Baseline(processor, new DiffPluginImpl());
            List<String> found = new ArrayList<>();
            for (Info info : baseline.baseline(newer, older, null)) {
                if (info.mismatch) {
                    found.add(info.packageName + " is " + info.newerVersion + ", must be at least " + info.suggestedVersion);
                }
            }
            BundleInfo bundle = baseline.getBundleInfo();
            if (bundle.mismatch) {
                found.add("the platform is " + bundle.newerVersion + ", must be at least " + bundle.suggestedVersion);
            }
            assertTrue(processor.isOk(), () -> "bnd reported " + processor.getErrors());
            return found;
        }
    }

    /** The API as built, as its release 1.0.0. */
    private static Jar release() throws Exception {
        return api("1.0.0");
    }

    private static Jar api(String bundleVersion) throws Exception {
        Jar jar = new Jar(CLASSES.toFile());
        Manifest manifest = new Manifest(jar.getManifest());
        manifest.getMainAttributes().putValue(Constants.BUNDLE_VERSION, bundleVersion);
        jar.setManifest(manifest);
        return jar;
    }

    private static Version exported(Jar jar, String packageName) throws Exception {
        Attrs attributes = new Parameters(jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE)).get(packageName);
        assertTrue(attributes != null, packageName + " is exported");
        return Version.parseVersion(attributes.getVersion());
    }

    private static void export(Jar jar, String packageName, Version version) throws Exception {
        Manifest manifest = new Manifest(jar.getManifest());
        Parameters exports = new Parameters(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
        exports.get(packageName).put(Constants.VERSION_ATTRIBUTE, version.toString());
        manifest.getMainAttributes().putValue(Constants.EXPORT_PACKAGE, exports.toString());
        jar.setManifest(manifest);
    }

    private static void remove(Jar jar, String type, String method) throws Exception {
        rewrite(jar, type, writer -> new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return name.equals(method) ? null : super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        });
    }

    private static void addAbstractMethod(Jar jar, String type, String method) throws Exception {
        rewrite(jar, type, writer -> new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitEnd() {
                super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, method, "()V", null, null).visitEnd();
                super.visitEnd();
            }
        });
    }

    private static void rewrite(Jar jar, String type, java.util.function.Function<ClassWriter, ClassVisitor> change) throws Exception {
        String path = type + ".class";
        byte[] original;
        try (var in = jar.getResource(path).openInputStream()) {
            original = in.readAllBytes();
        }
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(change.apply(writer), 0);
        jar.putResource(path, new EmbeddedResource(writer.toByteArray(), 0L));
    }
}
