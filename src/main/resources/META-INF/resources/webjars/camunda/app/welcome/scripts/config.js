/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // ---------------------------------------------------------------------------
  // stdflow settings. This file overrides the config.js shipped in the
  // camunda-webapp jar (ours comes first on the classpath); Camunda's commented
  // examples are kept below for reference.
  // ---------------------------------------------------------------------------

  // Header and browser title show "<vendor> <name>", the login page shows <name>.
  app: {
    name: '首页',
    vendor: '标准化工作平台'
  },

  // Chinese for every browser. The webapp takes navigator.languages[0] (e.g.
  // "en-US" -> "en"); if that is listed in availableLocales it is used, otherwise
  // fallbackLocale. With 'en' listed, English browsers would get English, so only
  // 'zh' is listed. Keys missing in zh.json are shown as the raw key (no English
  // fallback), so locales/zh.json must stay complete.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },

  // No first-login info box: it is shown only if GET /camunda-welcome (a page of
  // Camunda Run, absent here) answers 200, so it only produced a 404 per browser.
  disableWelcomeMessage: true,

  // Our own pages under the welcome page's 链接 heading. Setting links replaces
  // Camunda's default list, so its documentation link is listed again.
  links: [
    {
      label: '标准库',
      href: '/pages/register.html',
      description: '标准体系与标准目录：现行标准文本、历次版本、宣传培训材料（课件、视频）、通知、培训与复审记录'
    },
    {
      label: '检查表维护',
      href: '/pages/checklists.html',
      description: '现行有效标准的监督检查表：查看，责任科室维护'
    },
    {
      label: '审计追溯',
      href: '/pages/audit.html',
      description: '标准全过程记录的查询、导出与防篡改校验（审计监督人员和系统管理员）'
    },
    {
      label: '统计分析',
      href: '/pages/dashboard.html',
      description: '标准体系、复审、检查、整改、表扬批评、投诉和满意度的统计图表与月度、季度报告'
    },
    {
      label: 'DOCUMENTATION',
      href: 'https://docs.camunda.org/manual/latest/webapps/',
      description: 'DOCUMENTATION_DESCRIPTION'
    }
  ],


  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
