#include "passes/secrets.h"

#include <gtest/gtest.h>

#include "passes/test_project.h"

namespace stackc::passes {
namespace {

using Strings = std::vector<std::string>;

// Each secret as "KIND PLACE service key: text".
Strings Describe(const test::Loaded& r) {
  Strings out;
  for (const Secret& s : ComputeSecrets(r.project, r.sm)) {
    const std::string_view kind = s.kind == SecretKind::kCredential ? "credential"
                                  : s.kind == SecretKind::kToken    ? "token"
                                                                    : "entropy";
    out.push_back(fmt::format("{} {} {} {}{}: {}", kind, SecretPlaceName(s.place),
                              s.service ? s.service->name.value : "-", s.key,
                              s.defaulted ? " (default)" : "", r.sm.Text(s.span)));
  }
  return out;
}

TEST(SecretsTest, CredentialsWhereverAServiceWritesThem) {
  auto r = test::LoadText(
      "services:\n"
      "  app:\n"
      "    image: x\n"
      "    env_file: app.env\n"
      "    environment:\n"
      "      - API_TOKEN=${API_TOKEN}\n"
      "      - DB_PASSWORD=s3cr3t-Pa55w0rd\n"
      "      - REDIS_PASSWORD=${REDIS_PASSWORD:-fallback-pw}\n"
      "      - ADMIN_PASSWORD_FILE=/run/secrets/admin\n"
      "      - SMTP_PASSWORD=<change-me>\n"
      "      - PLAIN_PASSWORD\n"
      "    build:\n"
      "      context: .\n"
      "      args:\n"
      "        NPM_TOKEN: npm-literal-token\n"
      "    labels:\n"
      "      admin.password: letmein-2024\n"
      "    command: redis-server --requirepass r3dis-pw --port 6379\n"
      "    entrypoint: [worker, --token, $$TOKEN]\n"
      "    healthcheck: {test: [CMD-SHELL, mysqladmin ping -pHealthPw1]}\n",
      true, {}, false, {{"/p/app.env", "MAIL_SECRET=from-env-file\n"}});
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(
      Describe(*r),
      (Strings{
          "credential environment app DB_PASSWORD: s3cr3t-Pa55w0rd",
          "credential env file app MAIL_SECRET: from-env-file",
          "credential environment app REDIS_PASSWORD (default): ${REDIS_PASSWORD:-fallback-pw}",
          "credential build args app NPM_TOKEN: npm-literal-token",
          "credential labels app admin.password: letmein-2024",
          "credential command app --requirepass: r3dis-pw",
          "credential healthcheck app -p: HealthPw1",
      }));
}

TEST(SecretsTest, TokensOnceAndHighEntropyValues) {
  auto r = test::LoadText(
      "x-notes: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
      "services:\n"
      "  api:\n"
      "    image: x\n"
      "    environment:\n"
      "      DATABASE_URL: postgres://app:Passw0rd-example@db:5432/app\n"
      "      SAFE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n"
      "      GITHUB_TOKEN: ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n"
      "      SIGNING_SEED: 9fQ2xLr7TbW4kZp1Vd8sNc3HyJ6mAe0u\n"
      "      VERSION: 1.2.3-alpha.4+build.5678\n");
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(Describe(*r),
            (Strings{
                // The token under a credential-shaped key is one secret, a credential.
                "credential environment api GITHUB_TOKEN: ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                "token file - : ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "token environment api DATABASE_URL: Passw0rd-example",
                "entropy environment api SIGNING_SEED: 9fQ2xLr7TbW4kZp1Vd8sNc3HyJ6mAe0u",
            }));
  const std::vector<Secret> secrets = ComputeSecrets(r->project, r->sm);
  EXPECT_EQ(secrets[1].format, "a GitHub token");
  EXPECT_EQ(secrets[2].format, "a password in a URL");
}

TEST(SecretsTest, TheStackcConfigurationIsNotSearched) {
  auto r =
      test::LoadText("services: {app: {image: x}}\n", true, {}, false,
                     {{"/p/.stackc.yaml", "token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"}});
  ASSERT_TRUE(r->ok);
  EXPECT_TRUE(ComputeSecrets(r->project, r->sm).empty());
}

TEST(SecretsTest, CredentialKeys) {
  EXPECT_TRUE(CredentialKey("db_password"));
  EXPECT_TRUE(CredentialKey("GITHUB_TOKEN"));
  EXPECT_TRUE(CredentialKey("stripe_api_key"));
  EXPECT_FALSE(CredentialKey("DB_PASSWORD_FILE"));
  EXPECT_FALSE(CredentialKey("SECRET_PATH"));
  EXPECT_FALSE(CredentialKey("TOKEN_USER"));
  EXPECT_FALSE(CredentialKey("HOSTNAME"));
}

TEST(SecretsTest, WrittenLiteral) {
  EXPECT_EQ(WrittenLiteral("${VAR}"), "");
  EXPECT_EQ(WrittenLiteral("${VAR:-fallback}"), "fallback");
  EXPECT_EQ(WrittenLiteral("${VAR-fallback}"), "fallback");
  EXPECT_EQ(WrittenLiteral("${VAR:?required}"), "");
  EXPECT_EQ(WrittenLiteral("\"quoted\""), "quoted");
  EXPECT_EQ(WrittenLiteral("$VAR"), "");
  EXPECT_EQ(WrittenLiteral("literal"), "literal");
}

TEST(SecretsTest, FindSecretMarksOnlyTheSecret) {
  const std::optional<SecretMatch> m = FindSecret("postgres://app:Passw0rd-example@db/app");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, "a password in a URL");
  EXPECT_EQ(m->begin, 15u);
  EXPECT_EQ(m->end, 31u);
  EXPECT_FALSE(FindSecret("postgres://app:${DB_PASSWORD}@db/app"));
  EXPECT_EQ(FindSecret("key AKIAABCDEFGHIJKLMNOP")->kind, "an AWS access key id");
  EXPECT_EQ(FindSecret("-----BEGIN RSA PRIVATE KEY-----")->kind, "a private key");
  EXPECT_FALSE(FindSecret("nothing to see"));
}

TEST(SecretsTest, HighEntropy) {
  EXPECT_TRUE(HighEntropy("9fQ2xLr7TbW4kZp1Vd8sNc3HyJ6mAe0u"));
  EXPECT_FALSE(HighEntropy("short1Aa"));
  EXPECT_FALSE(HighEntropy("/usr/local/share/Application1/Data2"));   // a path
  EXPECT_FALSE(HighEntropy("aaaaaaaaaaaaaaaaaaaaaaaaaaaaAAAA1111"));  // low entropy
  EXPECT_FALSE(HighEntropy("https://example.com/Path1/Resource2x"));  // not the alphabet
}

}  // namespace
}  // namespace stackc::passes
