"""Plans a generated Terraform module offline with `terraform test` and its mock AWS provider,
then prints the resources the plan would create, by type, as JSON: {"aws_subnet": 4, ...}.

    python scripts/terraform-plan-test.py TERRAFORM_DIR   (after terraform init)

The mocks return valid JSON for policy documents and the module's own zones for the zone
lookup; variables without a default get placeholders.
"""

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import hcl2

module = Path(sys.argv[1])
variables: dict[str, dict[str, object]] = {}
for path in sorted(module.glob("*.tf")):
    with open(path) as f:
        for block in hcl2.load(f).get("variable", []):
            variables.update(block)
zones = variables.get("availability_zones", {}).get("default") or ["us-east-1a", "us-east-1b"]
# Older python-hcl2 releases wrap a list default in one more list.
if zones and isinstance(zones[0], list):
    zones = zones[0]
placeholders = {
    "app_image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0",
    "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
    "alarm_email": "oncall@example.com",
    "budget_email": "finance@example.com",
}
given = "".join(f"  {name} = {json.dumps(value)}\n" for name, value in placeholders.items() if name in variables)
policy = json.dumps('{"Version":"2012-10-17","Statement":[]}')
test = f"""mock_provider "aws" {{
  mock_data "aws_iam_policy_document" {{
    defaults = {{ json = {policy} }}
  }}
  mock_data "aws_availability_zones" {{
    defaults = {{ names = {json.dumps(zones)} }}
  }}
  mock_data "aws_secretsmanager_random_password" {{
    defaults = {{ random_password = "{"x" * 64}" }}
  }}
  mock_data "aws_caller_identity" {{
    defaults = {{ account_id = "123456789012" }}
  }}
}}

variables {{
{given}}}

run "plan" {{
  command = plan
}}
"""
(module / "tests").mkdir(exist_ok=True)
(module / "tests" / "plan.tftest.hcl").write_text(test)
result = subprocess.run(
    ["terraform", f"-chdir={module}", "test", "-verbose", "-no-color"], capture_output=True, text=True, check=False
)
if result.returncode != 0:
    sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
    sys.exit(1)
created = collections.Counter(
    match.group(1) for match in re.finditer(r"^\s+# (aws_[a-z0-9_]+)\.[^ ]+ will be created$", result.stdout, re.MULTILINE)
)
print(json.dumps(dict(sorted(created.items())), indent=1))
