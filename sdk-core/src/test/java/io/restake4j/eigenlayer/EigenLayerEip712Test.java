package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.restake4j.eip712.Eip712Domain;
import io.restake4j.eip712.Eip712DomainReader;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** The devnet ITs compare these digests with the fixtures' calculate*DigestHash views; here, the pieces. */
class EigenLayerEip712Test {

    @Test
    void typeHashesAreTheContractsConstants() {
        // DELEGATION_APPROVAL_TYPEHASH and DEPOSIT_TYPEHASH as documented in the EigenLayer sources
        assertEquals("DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)",
                DelegationApprovalRequest.TYPE.encodeType());
        assertEquals("0x14bde674c9f64b2ad00eaaee4a8bed1fabef35c7507e3c5b9cfc9436909a2dad",
                Numeric.toHexString(DelegationApprovalRequest.TYPE.typeHash()));
        assertEquals("Deposit(address staker,address strategy,address token,uint256 amount,uint256 nonce,uint256 expiry)",
                DepositRequest.TYPE.encodeType());
        assertEquals("0x4337f82d142e41f2a8c10547cd8c859bddb92262a61058e77842e24d9dea9224",
                Numeric.toHexString(DepositRequest.TYPE.typeHash()));
    }

    @Test
    void versionCandidatesAreFirstCharFirstTwoAndWhole() {
        assertEquals(java.util.List.of("1", "1.", "1.12.0"), Eip712DomainReader.versionCandidates("1.12.0"));
        assertEquals(java.util.List.of("1", "1.", "1.3.0"), Eip712DomainReader.versionCandidates("1.3.0"));
        assertEquals(java.util.List.of("v", "v1", "v1.9.0-rc.0"), Eip712DomainReader.versionCandidates("v1.9.0-rc.0"));
        assertEquals(java.util.List.of("1"), Eip712DomainReader.versionCandidates("1"));
    }

    @Test
    void domainSeparatorEncodesNameVersionChainAndContract() {
        String contract = "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A";
        Eip712Domain domain = Eip712Domain.of("EigenLayer", "1", 1, contract);
        String expected = Hash.sha3(
                "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f"     // EIP712Domain typehash
                + Numeric.cleanHexPrefix(Hash.sha3String("EigenLayer"))
                + Numeric.cleanHexPrefix(Hash.sha3String("1"))
                + "0".repeat(63) + "1"
                + "0".repeat(24) + contract.substring(2).toLowerCase(java.util.Locale.ROOT));
        assertEquals(expected, Numeric.toHexString(domain.separator()));
        assertNotEquals(expected, Numeric.toHexString(Eip712Domain.of("EigenLayer", "1", 17000, contract).separator()));
        assertNotEquals(expected, Numeric.toHexString(Eip712Domain.of("EigenLayer", "1.", 1, contract).separator()));
    }

    @Test
    void approvalDigestIsPrefixedHashOfSeparatorAndStruct() {
        Eip712Domain domain = Eip712Domain.of("EigenLayer", "1", 31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
        byte[] salt = Hash.sha3("salt".getBytes(StandardCharsets.UTF_8));
        DelegationApprovalRequest request = new DelegationApprovalRequest("0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906", salt,
                BigInteger.valueOf(1_900_000_000L));
        byte[] digest = request.typedData(domain).digest();
        String struct = Hash.sha3("0x14bde674c9f64b2ad00eaaee4a8bed1fabef35c7507e3c5b9cfc9436909a2dad"
                + "00000000000000000000000090f79bf6eb2c4f870365e785982e1f101e93b906"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"
                + Numeric.toHexStringNoPrefix(salt)
                + "0".repeat(56) + Long.toHexString(1_900_000_000L));
        String expected = Hash.sha3("0x1901" + Numeric.toHexStringNoPrefix(domain.separator())
                + Numeric.cleanHexPrefix(struct));
        assertEquals(struct, Numeric.toHexString(request.structHash()));
        assertArrayEquals(Numeric.hexStringToByteArray(expected), digest);
    }
}
