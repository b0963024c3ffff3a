package io.resoto.worker.aws.account;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One account to collect and how to get in: its id, its display name (alias, organisation name
 * or id, per the prefer_* keys), the profile and role it was reached through (null when not
 * used), the partition (aws, aws-cn, aws-us-gov), and credentials that renew themselves.
 */
public record AwsAccountTarget(
    String id, String name, String profile, String roleArn, String partition,
    AwsCredentialsProvider credentials) {}
