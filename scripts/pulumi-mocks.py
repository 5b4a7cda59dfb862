"""Runs a generated Pulumi program under Pulumi's own mocks, with no Pulumi CLI and no cloud
account, and prints the resources it declared as JSON: {"aws:ec2/vpc:Vpc": 1, ...}.

    python scripts/pulumi-mocks.py PROGRAM_DIR ENVIRONMENT

Unknown arguments, wrong types the SDK checks at run time, and errors in the program fail the
run. The stack's settings come from PROGRAM_DIR/Pulumi.ENVIRONMENT.yaml; the values a user must
set (the image, addresses, the certificate) get placeholders.
"""

import collections
import json
import os
import runpy
import sys
from pathlib import Path

import pulumi
import yaml

program, environment = Path(sys.argv[1]).resolve(), sys.argv[2]
project = yaml.safe_load((program / "Pulumi.yaml").read_text())["name"]
stack_file = yaml.safe_load((program / f"Pulumi.{environment}.yaml").read_text())
config = {key: value if isinstance(value, str) else json.dumps(value) for key, value in stack_file["config"].items()}
for key, value in {
    "appImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0",
    "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
    "alarmEmail": "oncall@example.com",
    "budgetEmail": "finance@example.com",
}.items():
    config.setdefault(f"{project}:{key}", value)
os.environ["PULUMI_CONFIG"] = json.dumps(config)

declared: collections.Counter[str] = collections.Counter()


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, object]]:
        declared[args.typ] += 1
        state = dict(args.inputs)
        state.setdefault("arn", f"arn:aws:mock:::{args.name}")
        # What AWS computes and the program reads.
        computed: dict[str, dict[str, object]] = {
            "aws:rds/instance:Instance": {
                "masterUserSecrets": [{"secretArn": f"arn:aws:secretsmanager:::secret:{args.name}"}],
                "address": f"{args.name}.db.internal",
                "resourceId": f"db-{args.name}",
            },
            "aws:docdb/cluster:Cluster": {
                "masterUserSecrets": [{"secretArn": f"arn:aws:secretsmanager:::secret:{args.name}"}],
                "endpoint": f"{args.name}.docdb.internal",
            },
            "aws:lambda/function:Function": {"invokeArn": f"arn:aws:apigateway:::functions/{args.name}/invocations"},
            "aws:apigatewayv2/api:Api": {
                "executionArn": f"arn:aws:execute-api:::{args.name}",
                "apiEndpoint": f"https://{args.name}.execute-api.internal",
            },
            "aws:lb/loadBalancer:LoadBalancer": {"dnsName": f"{args.name}.elb.internal", "arnSuffix": f"app/{args.name}/1"},
            "aws:lb/targetGroup:TargetGroup": {"arnSuffix": f"targetgroup/{args.name}/1"},
            "aws:elasticache/replicationGroup:ReplicationGroup": {"primaryEndpointAddress": f"{args.name}.cache.internal"},
            "aws:kms/key:Key": {"keyId": f"{args.name}-key"},
            "aws:s3/bucketV2:BucketV2": {"bucket": f"{args.name}-bucket"},
            "aws:secretsmanager/secretVersion:SecretVersion": {"secretString": "x" * 64},
            "aws:ec2/launchTemplate:LaunchTemplate": {"latestVersion": 1},
        }
        if args.typ == "aws:eks/cluster:Cluster":
            state["vpcConfig"] = {**state.get("vpcConfig", {}), "clusterSecurityGroupId": f"sg-{args.name}-cluster"}
        for key, value in computed.get(args.typ, {}).items():
            state.setdefault(key, value)
        return f"{args.name}-id", state

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, object]:
        if args.token == "aws:index/getCallerIdentity:getCallerIdentity":
            return {"accountId": "123456789012", "arn": "arn:aws:iam::123456789012:root", "userId": "mock"}
        if args.token == "aws:elb/getServiceAccount:getServiceAccount":
            return {"arn": "arn:aws:iam::127311923021:root", "id": "127311923021"}
        if args.token == "aws:eks/getAddonVersion:getAddonVersion":
            return {**args.args, "version": "v1.0.0-eksbuild.1", "id": str(args.args.get("addonName"))}
        if args.token == "aws:secretsmanager/getRandomPassword:getRandomPassword":
            return {"randomPassword": "x" * 64}
        raise ValueError(f"the mocks do not know the call {args.token}")


pulumi.runtime.set_mocks(Mocks(), project=project, stack=environment, preview=False)
# set_mocks reads the configuration before this point only through the environment variable.
pulumi.runtime.set_all_config(config)

sys.path.insert(0, str(program))
os.chdir(program)


@pulumi.runtime.test
def run() -> None:
    runpy.run_path(str(program / "__main__.py"), run_name="__main__")


run()
print(json.dumps(dict(sorted(declared.items())), indent=1))
