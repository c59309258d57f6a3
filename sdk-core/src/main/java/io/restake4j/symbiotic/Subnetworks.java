package io.restake4j.symbiotic;

import java.math.BigInteger;

import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** A Symbiotic subnetwork id, 32 bytes: the network's address in the upper 160 bits, then a 96-bit identifier. */
final class Subnetworks {

    private static final BigInteger IDENTIFIER_MASK = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);

    private Subnetworks() {
    }

    /** The network's address (checksummed). */
    static String network(BigInteger subnetwork) {
        return Keys.toChecksumAddress(Numeric.toHexStringWithPrefixZeroPadded(subnetwork.shiftRight(96), 40));
    }

    /** The network's identifier of the subnetwork. */
    static BigInteger identifier(BigInteger subnetwork) {
        return subnetwork.and(IDENTIFIER_MASK);
    }
}
