package org.district.platform.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class against a real platform: the platform home named by {@code district.home}
 * (a module's build unpacks it to {@code target/platform} and puts the module and the modules it
 * requires in its {@code plugins/}), started on a free loopback port with a data folder of its own
 * and the embedded database (PostgreSQL on the {@code postgres} profile), and stopped afterwards.
 *
 * <p>Test methods, constructors and {@code @BeforeAll}/{@code @BeforeEach} methods take what they
 * need as parameters: {@link RunningPlatform} (HTTP as anyone or as the admin, whose password is
 * {@link RunningPlatform#ADMIN_PASSWORD}) and {@link Modules} (enable, disable, state);
 * {@link Account#create} adds an account with a module's roles and sends requests as it.
 *
 * <pre>
 * &#64;WithPlatform(modules = "notice-board")
 * class NoticeBoardIT {
 *     &#64;Test
 *     void anyoneReadsTheNotices(RunningPlatform platform) {
 *         assertEquals(200, platform.get("/api/notice-board/notices").status());
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DistrictPlatformExtension.class)
public @interface WithPlatform {

    /**
     * The modules the tests are about: each must be enabled once the platform is ready, or the
     * tests fail at once with the module's state and reason. Empty: every module the platform
     * holds must be enabled.
     */
    String[] modules() default {};

    /** Settings as a city sets them, {@code NAME=value}: {@code "DISTRICT_DEMO_DATA=true"}. */
    String[] settings() default {};

    /**
     * Extra module jars, by file name without {@code .jar}, from the folder named by
     * {@code district.test.modules} (default {@code target/test-modules}).
     */
    String[] testModules() default {};

    /** One platform for all tests of the class (the default), or a fresh one for each test. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    enum Lifecycle {
        /** Started before the first test that asks for it, stopped after the last test of the class. */
        PER_CLASS,
        /** Started for each test that asks for it, with an empty database, and stopped after it. */
        PER_METHOD
    }
}
