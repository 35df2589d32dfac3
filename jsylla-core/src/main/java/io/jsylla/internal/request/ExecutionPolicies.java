package io.jsylla.internal.request;

import io.jsylla.policies.LoadBalancingPolicy;
import io.jsylla.policies.RetryPolicy;
import io.jsylla.policies.SpeculativeExecutionPolicy;

/** The policies one request runs with, its profile's or the session's. */
public record ExecutionPolicies(LoadBalancingPolicy loadBalancing, RetryPolicy retry,
                                SpeculativeExecutionPolicy speculative) {}
