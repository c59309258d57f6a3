package io.restake4j.devnet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against the shared devnet: one {@link Devnet} per JVM, started on first
 * use and stopped when the test run ends. The chain is snapshotted before each test class and each
 * test and reverted after it, so tests see the state their {@code @BeforeAll}/{@code @BeforeEach}
 * methods made and nothing of other tests.
 *
 * <p>Test methods, constructors and lifecycle methods can declare parameters of type {@link Devnet},
 * {@link org.web3j.protocol.Web3j}, {@link DevnetAddresses} and {@link org.web3j.crypto.Credentials}
 * (account 0, or the one named by {@link Account @Account}).
 *
 * <pre>{@code
 * @DevnetTest
 * class TransferIT {
 *     @Test
 *     void transfers(Devnet devnet, @Account(1) Credentials bob) throws Exception {
 *         TestToken token = devnet.deployToken("Test", "TST", 18);
 *         token.mint(bob.getAddress(), BigInteger.TEN).send();
 *     }
 * }
 * }</pre>
 *
 * <p>The devnet is configured by {@link Devnet#builder()}'s defaults, which read the
 * {@code restake4j.anvil} system property. Tests of this kind share one chain: with JUnit's parallel
 * execution, mark them {@code @ResourceLock(DevnetExtension.RESOURCE)} (or {@code @Isolated}); the
 * extension fails a test that would run concurrently with another on the same devnet.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DevnetExtension.class)
public @interface DevnetTest {
}
