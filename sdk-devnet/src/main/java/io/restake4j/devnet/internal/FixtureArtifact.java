package io.restake4j.devnet.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restake4j.devnet.DevnetException;

/**
 * A compiled fixture shipped in this jar under {@code io/restake4j/devnet/fixtures/<protocol>/<Name>.json}
 * (ABI, creation and runtime bytecode), so a user of the jar needs no Solidity compiler.
 */
public record FixtureArtifact(String name, String bytecode, String deployedBytecode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FixtureArtifact load(String protocol, String name) {
        String resource = "/io/restake4j/devnet/fixtures/" + protocol + "/" + name + ".json";
        try (InputStream in = FixtureArtifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DevnetException("fixture artifact missing from the classpath: " + resource);
            }
            JsonNode json = JSON.readTree(in);
            return new FixtureArtifact(name, json.path("bytecode").asText(), json.path("deployedBytecode").asText());
        } catch (IOException e) {
            throw new DevnetException("cannot read fixture artifact " + resource + ": " + e.getMessage(), e);
        }
    }
}
