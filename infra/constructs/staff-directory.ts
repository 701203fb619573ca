/**
 * Staff sign-in: a Cognito user pool with one group per role (shared/domain/vocabulary.ts ROLES),
 * MFA required (authenticator app), a strong password policy, no self sign-up (admins invite), and
 * the web client the staff pages use. Its tokens are checked twice: by the HTTP API's JWT authorizer
 * and by the staff app itself (shared/http/auth.ts), which also looks the user up in the table.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'
import { ROLES, type Role } from '../../shared/domain/vocabulary.js'

/**
 * The claim of a Cognito access token that names the user item (USERS/USER#<id>): `username`. The
 * pool signs in by e-mail (an alias), so each account's username is free to be the user's id in the
 * table (`btc.canbo`, `admin`), set when the account is created (infra/README.md, first
 * administrator; the admin pages' user form names the same id). `sub` is a UUID Cognito picks and
 * no user item could be keyed by it before the account exists.
 */
export const STAFF_USER_CLAIM = 'username'

/** Where the hosted UI sends staff back to, and where it sends them after signing out. */
export const STAFF_CALLBACK_PATH = '/staff/auth/callback'
export const STAFF_SIGN_IN_PATH = '/staff/sign-in'
const signInOf = (callback: string) => callback.replace(/\/staff\/auth\/callback$/, STAFF_SIGN_IN_PATH)

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  member: 'Staff-directory member: files petitions under their identity, sees their own',
  reception_officer: 'Records in-person and paper petitions, classifies and routes them',
  committee_handler: "Works a committee's queue",
  committee_head: 'Handler rights plus approving extensions and signing decisions',
  supervisor: 'Reads every committee, audits response times, chases overdue cases',
  admin: 'Manages committees, routing, users, deadline rules and the calendar',
}

export interface StaffDirectoryProps {
  /** Keep the pool (accounts and MFA enrolments) and refuse deletion (prod). */
  readonly protectData: boolean
  /** The hosted UI's Cognito domain prefix (globally unique), e.g. `tiepdan-dev-staff`. */
  readonly domainPrefix?: string
}

export class StaffDirectory extends Construct {
  readonly userPool: UserPool
  /** The hosted UI (authorization-code flow with PKCE) the staff pages send users to. */
  readonly hostedUi?: UserPoolDomain

  constructor(scope: Construct, id: string, props: StaffDirectoryProps) {
    super(scope, id)
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      // Authenticator apps only: SMS codes cost money per sign-in and are weaker.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      // Compromised-credential and risky sign-in checks; blocking in prod, observing in dev.
      standardThreatProtectionMode: props.protectData
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : StandardThreatProtectionMode.AUDIT_ONLY,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    })

    ROLES.forEach((role, precedence) => {
      this.userPool.addGroup(`Group-${role}`, {
        groupName: role,
        description: ROLE_DESCRIPTIONS[role],
        precedence,
      })
    })

    if (props.domainPrefix)
      this.hostedUi = this.userPool.addDomain('HostedUi', {
        cognitoDomain: { domainPrefix: props.domainPrefix },
      })
  }

  /**
   * The staff pages' app client, in `scope`: the stack that knows the site's address. Its callback
   * is the site's own (the distribution or the custom domain), which exists only in the stateless
   * stack; a client there keeps the stateful stack free of a reference back to it. `extraCallbackUrls`
   * (e.g. a developer's localhost) are allowed in addition, never instead.
   */
  addWebClient(
    scope: Construct,
    id: string,
    props: { siteUrl: string; extraCallbackUrls?: readonly string[] },
  ): UserPoolClient {
    const callbackUrls = [`${props.siteUrl}${STAFF_CALLBACK_PATH}`, ...(props.extraCallbackUrls ?? [])]
    return new UserPoolClient(scope, id, {
      userPool: this.userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        // After signing out the hosted UI returns to the staff sign-in page.
        logoutUrls: [
          `${props.siteUrl}${STAFF_SIGN_IN_PATH}`,
          ...(props.extraCallbackUrls ?? []).map(signInOf),
        ],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The staff app verifies the ID token's `aud` (the client id): keep it short-lived.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    })
  }

  /**
   * The issuer both gates check (`iss` of the pool's tokens), spelt as the HTTP API's user-pool
   * authorizer spells it, so the two can never disagree.
   */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`
  }
}
