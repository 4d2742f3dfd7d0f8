/**
 * Every option curl 7.88.1 knows (`curl --help all` on the lab's host, the curl the scenarios
 * record): `x:name` gives the short letter, a trailing `=` an option that takes an argument. The
 * sandbox's curl does a few of them; for the rest, knowing the name tells a real option the
 * sandbox lacks ("not simulated") from a typo (curl's own "is unknown").
 */
const TABLE = `
  abstract-unix-socket= alt-svc= anyauth a:append aws-sigv4= basic cacert= capath= E:cert=
  cert-status cert-type= ciphers= compressed compressed-ssh K:config= connect-timeout=
  connect-to= C:continue-at= b:cookie= c:cookie-jar= create-dirs create-file-mode= crlf crlfile=
  curves= d:data= data-ascii= data-binary= data-raw= data-urlencode= delegation= digest q:disable
  disable-eprt disable-epsv disallow-username-in-url dns-interface= dns-ipv4-addr= dns-ipv6-addr=
  dns-servers= doh-cert-status doh-insecure doh-url= D:dump-header= egd-file= engine=
  etag-compare= etag-save= expect100-timeout= f:fail fail-early fail-with-body false-start
  F:form= form-escape form-string= ftp-account= ftp-alternative-to-user= ftp-create-dirs
  ftp-method= ftp-pasv P:ftp-port= ftp-pret ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-ccc-mode=
  ftp-ssl-control G:get g:globoff happy-eyeballs-timeout-ms= haproxy-protocol I:head H:header=
  h:help hostpubmd5= hostpubsha256= hsts= http0.9 0:http1.0 http1.1 http2 http2-prior-knowledge
  http3 http3-only ignore-content-length i:include k:insecure interface= 4:ipv4 6:ipv6 json=
  j:junk-session-cookies keepalive-time= key= key-type= krb= libcurl= limit-rate= l:list-only
  local-port= L:location location-trusted login-options= mail-auth= mail-from= mail-rcpt=
  mail-rcpt-allowfails M:manual max-filesize= max-redirs= m:max-time= metalink negotiate n:netrc
  netrc-file= netrc-optional ::next no-alpn N:no-buffer no-clobber no-keepalive no-npn
  no-progress-meter no-sessionid noproxy= ntlm ntlm-wb oauth2-bearer= o:output= output-dir=
  Z:parallel parallel-immediate parallel-max= pass= path-as-is pinnedpubkey= post301 post302
  post303 preproxy= #:progress-bar proto= proto-default= proto-redir= x:proxy= proxy-anyauth
  proxy-basic proxy-cacert= proxy-capath= proxy-cert= proxy-cert-type= proxy-ciphers=
  proxy-crlfile= proxy-digest proxy-header= proxy-insecure proxy-key= proxy-key-type=
  proxy-negotiate proxy-ntlm proxy-pass= proxy-pinnedpubkey= proxy-service-name=
  proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tls13-ciphers= proxy-tlsauthtype=
  proxy-tlspassword= proxy-tlsuser= proxy-tlsv1 U:proxy-user= proxy1.0= p:proxytunnel pubkey=
  Q:quote= random-file= r:range= rate= raw e:referer= J:remote-header-name O:remote-name
  remote-name-all R:remote-time remove-on-error X:request= request-target= resolve= retry=
  retry-all-errors retry-connrefused retry-delay= retry-max-time= sasl-authzid= sasl-ir
  service-name= S:show-error s:silent socks4= socks4a= socks5= socks5-basic socks5-gssapi
  socks5-gssapi-nec socks5-gssapi-service= socks5-hostname= Y:speed-limit= y:speed-time= ssl
  ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort 2:sslv2
  3:sslv3 stderr= styled-output suppress-connect-headers tcp-fastopen tcp-nodelay
  t:telnet-option= tftp-blksize= tftp-no-options z:time-cond= tls-max= tls13-ciphers=
  tlsauthtype= tlspassword= tlsuser= 1:tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace=
  trace-ascii= trace-time unix-socket= T:upload-file= url= url-query= B:use-ascii u:user=
  A:user-agent= v:verbose V:version w:write-out= xattr`;

export interface KnownOption {
  long: string;
  short: string | null;
  takesArgument: boolean;
}

export const CURL_OPTIONS: readonly KnownOption[] = TABLE.trim()
  .split(/\s+/)
  .map((entry) => {
    const short = /^(.):/.exec(entry)?.[1] ?? null;
    const name = short === null ? entry : entry.slice(2);
    return {
      long: name.replace(/=$/, ''),
      short,
      takesArgument: name.endsWith('='),
    };
  });
