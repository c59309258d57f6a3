package io.restake4j.devnet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects which devnet account a {@link org.web3j.crypto.Credentials} parameter receives in a
 * {@link DevnetTest @DevnetTest}; without it, account 0.
 *
 * <pre>{@code
 * @Test void pays(@Account(0) Credentials alice, @Account(1) Credentials bob) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Account {
    /** Index into {@link Devnet#accounts()}. */
    int value();
}
