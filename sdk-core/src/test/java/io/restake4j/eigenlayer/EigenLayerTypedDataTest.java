package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** The devnet ITs compare these digests with the fixtures' calculate*DigestHash views; here, the pieces. */
class EigenLayerTypedDataTest {

    @Test
    void typeHashesAreTheContractsConstants() {
        // DELEGATION_APPROVAL_TYPEHASH and DEPOSIT_TYPEHASH as documented in the EigenLayer sources
        assertEquals("0x14bde674c9f64b2ad00eaaee4a8bed1fabef35c7507e3c5b9cfc9436909a2dad", Hash.sha3String(
                "DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)"));
        assertEquals("0x4337f82d142e41f2a8c10547cd8c859bddb92262a61058e77842e24d9dea9224", Hash.sha3String(
                "Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)"));
    }

    @Test
    void domainVersionIsTheFirstCharacterOfVersion() {
        assertEquals("1", EigenLayerTypedData.domain("1.12.0", 1, "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A").version());
        assertEquals("v", EigenLayerTypedData.domain("v1.9.0-rc.0", 1, "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A").version());
    }

    @Test
    void domainSeparatorEncodesNameVersionChainAndContract() {
        String contract = "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A";
        EigenLayerTypedData domain = EigenLayerTypedData.domain("1.12.0", 1, contract);
        String expected = Hash.sha3(
                "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"     // EIP712Domain typehash
                + Numeric.cleanHexPrefix(Hash.sha3String("EigenLayer"))
                + Numeric.cleanHexPrefix(Hash.sha3String("1"))
                + "0".repeat(63) + "1"
                + "0".repeat(24) + contract.substring(2).toLowerCase(java.util.Locale.ROOT));
        assertEquals(expected, Numeric.toHexString(domain.domainSeparator()));
        assertNotEquals(expected, Numeric.toHexString(EigenLayerTypedData.domain("1", 17000, contract).domainSeparator()));
    }

    @Test
    void approvalDigestIsPrefixedHashOfSeparatorAndStruct() {
        EigenLayerTypedData domain = EigenLayerTypedData.domain("1", 31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
        byte[] salt = Hash.sha3("salt".getBytes(StandardCharsets.UTF_8));
        byte[] digest = domain.delegationApprovalDigest("0x90F79bf6EB2c4f870365E785982E1f101E93b906",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", salt,
                BigInteger.valueOf(1_900_000_000L));
        String struct = Hash.sha3("0x14bde674c9f64b2ad00eaaee4a8bed1fabef35c7507e3c5b9cfc9436909a2dad"
                + "00000000000000000000000090f79bf6eb2c4f870365e785982e1f101e93b906"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"
                + Numeric.toHexStringNoPrefix(salt)
                + "0".repeat(56) + Long.toHexString(1_900_000_000L));
        String expected = Hash.sha3("0x1901" + Numeric.toHexStringNoPrefix(domain.domainSeparator())
                + Numeric.cleanHexPrefix(struct));
        assertArrayEquals(Numeric.hexStringToByteArray(expected), digest);
    }
}
